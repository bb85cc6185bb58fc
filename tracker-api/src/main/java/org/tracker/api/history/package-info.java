/**
 * What the tracker knew, read from the event store itself rather than from a projection: a measure's events, and its
 * status as known at a recorded time or as it stood on an effective date. Auditors ask these questions of the record,
 * so they are answered from the record.
 */
package org.tracker.api.history;
