/**
 * Streams what the event store holds to Kafka. The relay reads the store like any event processor, so an event is
 * published after its transaction committed and never lost between commit and publish; it advances its position
 * only once Kafka acknowledged the whole batch, so a crash or a broker outage re-sends rather than skips.
 */
package org.tracker.api.relay;
