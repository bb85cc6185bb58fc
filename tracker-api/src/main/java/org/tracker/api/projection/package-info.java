/**
 * The current status of every measure, read from the Kafka stream into PostgreSQL for dashboards. The rows are
 * folded by tracker-core's {@code MeasureFold}; redelivered events change nothing because each row remembers
 * the last sequence number of its measure that it applied.
 */
package org.tracker.api.projection;
