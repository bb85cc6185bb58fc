/**
 * What makes the event store tamper-evident (ADR 8): each stored event is hashed, byte for byte, together with the
 * hash of the event before it in its measure, so that no event can be altered, removed or inserted by hand without
 * breaking a link. The tracker links events as it appends them; {@link org.tracker.audit.chain.ChainWalk} checks a
 * whole store, and the same hashing checks exports offline. Plain Java, so the command line runs it without Spring.
 */
package org.tracker.audit.chain;
