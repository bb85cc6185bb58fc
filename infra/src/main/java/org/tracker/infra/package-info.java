/**
 * Real PostgreSQL and Kafka servers that run without Docker, for {@code ./tracker run} when no external servers are
 * configured and for the integration tests of the other modules.
 *
 * <p>The tracker's guarantees (events stored once, published at least once, consumers resuming from their committed
 * offsets) only mean something against the real servers, so tests and local runs use the real PostgreSQL 17 binaries
 * and the real Kafka broker rather than fakes. Each server keeps its data in a directory the caller chooses and never
 * wipes it, so that stopping and starting again loses nothing. This is a plain library with no Spring dependency so
 * that it can be started before any application context exists.
 *
 * <p>{@link org.tracker.infra.KafkaBrokerProcess} and {@link org.tracker.infra.JavaProcess} run a broker, or any main
 * class, in a JVM of its own instead: what a crash or a session timeout does to several tracker instances can only be
 * seen with separate processes, which a test or a benchmark can kill one at a time.
 */
package org.tracker.infra;
