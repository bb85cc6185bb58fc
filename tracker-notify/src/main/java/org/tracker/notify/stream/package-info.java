/**
 * Reads the event topic with the notifier's own consumer group and, for each batch, in one transaction: folds the
 * events into what it knows of each measure, decides the alerts they cause, records them in the outbox and moves its
 * position in the stream. Its position lives in PostgreSQL, not in Kafka, so the alerts and the position cannot part.
 * An event it cannot decide on is parked by the shared policy of {@code org.tracker.notify.parking}, in the
 * transaction that moves the position past it.
 */
package org.tracker.notify.stream;
