/**
 * The notifier's state in PostgreSQL: subscriptions, webhook endpoints, what it knows of each measure, its position
 * in the stream, and the outbox of alerts, deliveries and attempts that auditors read.
 */
package org.tracker.notify.store;
