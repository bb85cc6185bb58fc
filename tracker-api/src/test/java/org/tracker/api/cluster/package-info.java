/**
 * The tracker run as production runs it: two instances, each a JVM of its own, on one PostgreSQL database and one
 * multi-partition Kafka topic, with requests going to either.
 *
 * <p>Two Spring contexts in one JVM cannot show what matters here: a crash that runs no shutdown hook, a consumer
 * whose session times out, aggregate caches and leases that live in one process and not the other. So each instance
 * is started from the test JVM's classpath (without the tests' own classes) with its settings on the command line,
 * and the broker runs in a JVM of its own too, so that an instance can be killed or stopped alone.
 */
package org.tracker.api.cluster;
