/**
 * The messages of the domain: commands that ask for a fact to be recorded and the past-tense events that record it.
 * Events are contracts read by projections, notifiers and auditors long after they were written: they carry a
 * {@code @Revision}, are serialized with Jackson, and are never renamed without an upcaster.
 */
package org.tracker.core.api;
