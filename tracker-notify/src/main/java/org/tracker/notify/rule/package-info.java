/**
 * The rules of alerting, free of Spring, Kafka and SQL: what a subscription follows, which changes an event makes,
 * which of them a subscription's conditions select, when a deadline is near or past, when a digest period ends, how
 * long to wait before trying a failed delivery again, and what becomes of a delivery after an attempt. Tested as
 * plain code.
 */
package org.tracker.notify.rule;
