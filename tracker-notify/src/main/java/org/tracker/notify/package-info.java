/**
 * Alerts. Subscribers say what to follow, when to be told and how; the notifier reads the event stream with its own
 * consumer group, decides which alerts are due and records them in PostgreSQL together with its position in the
 * stream (an outbox), and a dispatcher delivers them by email and signed webhook, retrying until they arrive.
 */
package org.tracker.notify;
