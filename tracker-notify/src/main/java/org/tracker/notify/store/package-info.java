/**
 * The notifier's state in PostgreSQL: subscriptions, webhook endpoints, what it knows of each measure, its position
 * in the stream, and the outbox of alerts, deliveries and attempts that auditors read. The outbox records decisions;
 * the delivery queue is the dispatchers' work list; the delivery log and the alert audit read them back.
 */
package org.tracker.notify.store;
