/**
 * The current status of every measure, read from the Kafka stream into PostgreSQL for dashboards. The projector is
 * plain code over rows, so it is tested without Spring or servers; redelivered events change nothing because each
 * row remembers the last sequence number of its measure that it applied.
 */
package org.tracker.api.projection;
