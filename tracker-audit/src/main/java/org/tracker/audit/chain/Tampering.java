package org.tracker.audit.chain;

/**
 * The first thing found wrong with a chain, named by the event it concerns.
 *
 * @param globalIndex the event's position in the store
 * @param measure the measure the event belongs to, as the chain recorded it when there is a link
 * @param description one sentence a person can act on
 */
public record Tampering(Kind kind, long globalIndex, String measure, long sequenceNumber, String description) {

    public enum Kind {
        /** The event's row no longer hashes to its link. */
        ALTERED,
        /** A link names an event the store no longer holds. */
        REMOVED,
        /** The store holds an event the tracker never linked. */
        INSERTED,
        /** The links themselves disagree: the chain's own tables were edited. */
        CHAIN_EDITED
    }

    static Tampering altered(ChainLink link) {
        return new Tampering(
                Kind.ALTERED,
                link.globalIndex(),
                link.measure(),
                link.sequenceNumber(),
                eventName(link.globalIndex(), link.measure(), link.sequenceNumber())
                        + " was altered: its stored row no longer matches its hash");
    }

    static Tampering removed(ChainLink link) {
        return new Tampering(
                Kind.REMOVED,
                link.globalIndex(),
                link.measure(),
                link.sequenceNumber(),
                eventName(link.globalIndex(), link.measure(), link.sequenceNumber()) + " was removed");
    }

    static Tampering inserted(StoredEvent event) {
        return new Tampering(
                Kind.INSERTED,
                event.globalIndex(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                eventName(event.globalIndex(), event.aggregateIdentifier(), event.sequenceNumber())
                        + " was inserted behind the tracker's back: it has no link in the chain");
    }

    static Tampering chainEdited(long globalIndex, String measure, long sequenceNumber, String what) {
        return new Tampering(
                Kind.CHAIN_EDITED,
                globalIndex,
                measure,
                sequenceNumber,
                eventName(globalIndex, measure, sequenceNumber) + ": " + what + "; the chain's own tables were edited");
    }

    /** How every finding names an event: {@code event 1234 (measure hr1229-119, sequence 7)}. */
    public static String eventName(long globalIndex, String measure, long sequenceNumber) {
        return "event " + globalIndex + " (measure " + measure + ", sequence " + sequenceNumber + ")";
    }
}
