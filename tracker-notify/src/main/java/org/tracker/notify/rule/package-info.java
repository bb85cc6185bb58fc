/**
 * The rules of alerting, free of Spring, Kafka and SQL: what a subscription follows, which changes an event makes,
 * which of them a subscription's conditions select, when a deadline is near or past, when a digest period ends, and
 * how long to wait before trying a failed delivery again. Tested as plain code.
 */
package org.tracker.notify.rule;
