/**
 * What this instance holds of the stream's work, for operators: the partitions each consumer group gave it, their lag,
 * and the relay segments it claimed. It is its own health component and metrics, outside readiness and liveness: a
 * rebalance or a bulk import moves these numbers on every instance alike and must not take any out of rotation.
 */
package org.tracker.api.stream;
