/**
 * The tracker as a service: REST commands go through Axon to the event store on PostgreSQL, a relay streams the
 * stored events to Kafka, and projections read Kafka into the tables that dashboards query.
 */
package org.tracker.api;
