package org.tracker.audit.chain;

/**
 * One row of the event table exactly as stored: the columns of Axon's {@code domainevententry}, the timestamp as the
 * text it was written as and the payload and metadata as their bytes, so that a hash of it says whether that row
 * changed. The arrays are not copied: a stored event is read, hashed and dropped.
 *
 * @param globalIndex the row's position in the whole store
 * @param aggregateIdentifier the measure's id
 * @param type the aggregate's type; null for an event that belongs to no aggregate
 * @param payloadRevision null when the event type has none
 * @param metadata null when the row has none
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata) {}
