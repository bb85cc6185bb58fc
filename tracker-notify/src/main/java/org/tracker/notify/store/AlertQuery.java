package org.tracker.notify.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Which alerts to read, newest first: every filter is optional.
 *
 * @param account only this account's
 * @param measure only alerts about this measure
 * @param from only alerts decided at or after this moment
 * @param to only alerts decided before this moment
 * @param after only alerts after this one in the order of the answer: the page after the one that ended there
 * @param limit at most this many
 */
public record AlertQuery(String account, String measure, Instant from, Instant to, Position after, int limit) {

    /** Where an alert sits in the order of the answer: by decision time, then by id. */
    public record Position(Instant decidedAt, UUID id) {}
}
