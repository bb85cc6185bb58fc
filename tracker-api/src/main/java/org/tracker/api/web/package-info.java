/**
 * The HTTP face of the tracker: reads of the projections and of a measure's history, and RFC 9457 problem details
 * for every error, the facts' endpoints ({@code org.tracker.api.facts}) included.
 */
package org.tracker.api.web;
