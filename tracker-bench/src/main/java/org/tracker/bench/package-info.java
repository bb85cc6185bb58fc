/**
 * Measures events per second through the tracker's own paths (commands into the event store; the store through the
 * relay to Kafka and on to the projection) and, in the same run on the same stored events, raw baselines (batched JDBC
 * inserts, a plain Kafka producer and consumer). The machine it runs on is noisy, so only figures taken side by side
 * can be compared: the ratios say how much of the hardware's throughput the tracker leaves on the table.
 */
package org.tracker.bench;
