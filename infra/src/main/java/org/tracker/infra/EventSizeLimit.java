package org.tracker.infra;

/**
 * The largest event the tracker publishes, from which every Kafka size limit is set: the in-process broker's, the
 * producer's, and the one required of an external broker. It lives here, below every module that starts or talks to
 * a broker, so that there is one number to change.
 *
 * <p>8 MiB: a fact from the API is at most a 1 MiB body ({@code tracker.max-body-bytes}) and its event a little more
 * with its provenance; an import's events carry parts of one file of at most 16 MiB (titles, actions, texts), each far
 * smaller than the file. Eight times the largest API body leaves room for any event the tracker makes, while keeping
 * a single record within what the broker and consumers hold in memory at once on a 1 GB machine. A larger event still
 * reaches the store; the relay publishes a small stand-in for it and both consumers park it (ADR 10).
 */
public final class EventSizeLimit {

    public static final int LARGEST_EVENT_BYTES = 8 * 1024 * 1024;

    /**
     * What Kafka must accept for such an event: its headers (type, ids, metadata) and the record batch's framing come
     * on top of the payload.
     */
    public static final int LARGEST_RECORD_BYTES = LARGEST_EVENT_BYTES + 64 * 1024;

    private EventSizeLimit() {}
}
