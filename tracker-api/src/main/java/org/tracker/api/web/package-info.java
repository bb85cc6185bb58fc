/**
 * The HTTP face of the tracker: one endpoint per kind of fact to record, reads of the projections and of a
 * measure's history, and RFC 9457 problem details for every error.
 */
package org.tracker.api.web;
