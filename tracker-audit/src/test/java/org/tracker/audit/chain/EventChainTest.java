package org.tracker.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChainTest {

    static final StoredEvent EVENT = SampleEvents.event(7, "hr1229-119", 3, "{\"billId\":\"hr1229-119\"}");

    @Test
    void theHashIsSha256OverTheDocumentedFieldsEachPrecededByItsLength() throws Exception {
        ChainHash previous = ChainHash.ofHex("ab".repeat(32));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        field(sha256, "tracker-event-chain/1".getBytes(StandardCharsets.US_ASCII));
        sha256.update(previous.bytes());
        field(sha256, "event-7".getBytes(StandardCharsets.UTF_8));
        field(sha256, "hr1229-119".getBytes(StandardCharsets.UTF_8));
        sha256.update(ByteBuffer.allocate(8).putLong(3).array());
        field(sha256, "Bill".getBytes(StandardCharsets.UTF_8));
        field(sha256, "2025-02-12T10:15:30.123Z".getBytes(StandardCharsets.UTF_8));
        field(sha256, "org.tracker.core.api.BillActionRecorded".getBytes(StandardCharsets.UTF_8));
        field(sha256, "1".getBytes(StandardCharsets.UTF_8));
        field(sha256, EVENT.payload());
        field(sha256, EVENT.metadata());

        assertThat(EventChain.link(previous, EVENT)).isEqualTo(ChainHash.of(sha256.digest()));
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    @Test
    void everyStoredColumnAndThePreviousHashChangeTheHash() {
        ChainHash original = EventChain.link(ChainHash.NONE, EVENT);
        List<StoredEvent> variants = List.of(
                with(EVENT, "eventIdentifier", "event-8"),
                with(EVENT, "aggregateIdentifier", "hr1230-119"),
                new StoredEvent(
                        7,
                        "event-7",
                        "hr1229-119",
                        4,
                        "Bill",
                        EVENT.timestamp(),
                        EVENT.payloadType(),
                        "1",
                        EVENT.payload(),
                        EVENT.metadata()),
                with(EVENT, "type", "Vote"),
                with(EVENT, "timestamp", "2025-02-12T10:15:30.124Z"),
                with(EVENT, "payloadType", "org.tracker.core.api.BillIntroduced"),
                with(EVENT, "payloadRevision", "2"),
                with(EVENT, "payload", "{\"billId\":\"hr1229-118\"}"),
                with(EVENT, "metadata", "{}"));
        for (StoredEvent variant : variants) {
            assertThat(EventChain.link(ChainHash.NONE, variant))
                    .as(variant.toString())
                    .isNotEqualTo(original);
        }
        assertThat(EventChain.link(ChainHash.ofHex("00".repeat(31) + "01"), EVENT))
                .isNotEqualTo(original);
    }

    @Test
    void theGlobalIndexIsNotPartOfTheRowsHashButItsPositionInTheChain() {
        StoredEvent moved = new StoredEvent(
                99,
                "event-7",
                "hr1229-119",
                3,
                "Bill",
                EVENT.timestamp(),
                EVENT.payloadType(),
                "1",
                EVENT.payload(),
                EVENT.metadata());
        assertThat(EventChain.link(ChainHash.NONE, moved)).isEqualTo(EventChain.link(ChainHash.NONE, EVENT));
    }

    @Test
    void textMovedFromOneColumnToTheNextOrANullMadeEmptyGivesAnotherHash() {
        StoredEvent split = with(with(EVENT, "eventIdentifier", "ab"), "aggregateIdentifier", "c");
        StoredEvent shifted = with(with(EVENT, "eventIdentifier", "a"), "aggregateIdentifier", "bc");
        assertThat(EventChain.link(ChainHash.NONE, split)).isNotEqualTo(EventChain.link(ChainHash.NONE, shifted));

        StoredEvent noRevision = with(EVENT, "payloadRevision", null);
        StoredEvent emptyRevision = with(EVENT, "payloadRevision", "");
        assertThat(EventChain.link(ChainHash.NONE, noRevision))
                .isNotEqualTo(EventChain.link(ChainHash.NONE, emptyRevision));
    }

    @Test
    void aHashIsThirtyTwoBytesWrittenAsSixtyFourHexDigits() {
        ChainHash hash = EventChain.link(ChainHash.NONE, EVENT);
        assertThat(hash.hex()).matches("[0-9a-f]{64}");
        assertThat(ChainHash.ofHex(hash.hex())).isEqualTo(hash);
        assertThatThrownBy(() -> ChainHash.ofHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainHash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    static StoredEvent with(StoredEvent e, String column, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        return new StoredEvent(
                e.globalIndex(),
                column.equals("eventIdentifier") ? value : e.eventIdentifier(),
                column.equals("aggregateIdentifier") ? value : e.aggregateIdentifier(),
                e.sequenceNumber(),
                column.equals("type") ? value : e.type(),
                column.equals("timestamp") ? value : e.timestamp(),
                column.equals("payloadType") ? value : e.payloadType(),
                column.equals("payloadRevision") ? value : e.payloadRevision(),
                column.equals("payload") ? bytes : e.payload(),
                column.equals("metadata") ? bytes : e.metadata());
    }
}
