package org.tracker.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.tracker.audit.chain.ChainHash;
import org.tracker.audit.chain.ChainLink;
import org.tracker.audit.chain.StoredEvent;

/**
 * One line of an export: one stored event with its link. The bytes are what is hashed; {@code payload} and
 * {@code metadata} are readable copies of them, which the verifier checks against the bytes so that a reader is not
 * shown something other than what was stored.
 *
 * @param payloadBytes the stored payload, base64
 * @param payload the same, as JSON; null when the bytes are not JSON
 * @param metadataBytes the stored metadata, base64; null when the row has none
 * @param previousHash hex; null when the store held no link for the event
 * @param hash hex; null when the store held no link for the event
 */
public record ExportedEvent(
        long globalIndex,
        String eventIdentifier,
        String measure,
        long sequenceNumber,
        String type,
        String timestamp,
        String payloadType,
        String payloadRevision,
        String payloadBytes,
        JsonNode payload,
        String metadataBytes,
        JsonNode metadata,
        String previousHash,
        String hash) {

    static ExportedEvent of(StoredEvent event, ChainLink link, JsonNode payload, JsonNode metadata) {
        return new ExportedEvent(
                event.globalIndex(),
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.type(),
                event.timestamp(),
                event.payloadType(),
                event.payloadRevision(),
                base64(event.payload()),
                payload,
                base64(event.metadata()),
                metadata,
                link == null ? null : link.previous().hex(),
                link == null ? null : link.hash().hex());
    }

    /** @throws IllegalArgumentException when the bytes are not base64 */
    StoredEvent stored() {
        return new StoredEvent(
                globalIndex,
                eventIdentifier,
                measure,
                sequenceNumber,
                type,
                timestamp,
                payloadType,
                payloadRevision,
                payloadBytes == null ? null : Base64.getDecoder().decode(payloadBytes),
                metadataBytes == null ? null : Base64.getDecoder().decode(metadataBytes));
    }

    /** @throws IllegalArgumentException when a hash is not 64 hex digits */
    ChainLink link() {
        return hash == null || previousHash == null
                ? null
                : new ChainLink(
                        globalIndex, measure, sequenceNumber, ChainHash.ofHex(previousHash), ChainHash.ofHex(hash));
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
