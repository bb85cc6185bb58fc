package org.tracker.audit.chain;

/** A measure's newest link: where its chain must end. */
public record ChainHead(String measure, long globalIndex, long sequenceNumber, ChainHash hash) {}
