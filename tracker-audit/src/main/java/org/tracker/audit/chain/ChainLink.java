package org.tracker.audit.chain;

/**
 * What the tracker recorded when it stored an event: which measure and sequence the event at that position belongs
 * to, the hash it followed and its own hash. Kept apart from the event table, so that editing that table by hand
 * leaves the links to tell what was there.
 */
public record ChainLink(long globalIndex, String measure, long sequenceNumber, ChainHash previous, ChainHash hash) {}
