/**
 * Measures as dashboards and auditors read them, in one place. The live table ({@code MeasureTable}) is fed from
 * the Kafka stream by {@code ProjectionConsumer}, folded by tracker-core's {@code MeasureFold}; redelivered events
 * change nothing because each row remembers the last sequence number of its measure that it applied. What the
 * tracker knew at a past moment, a rebuild compared by checksum, and the refold of a parked measure are answered from
 * the event store itself ({@code MeasureEvents}), because auditors ask these questions of the record. The controllers
 * serve both.
 */
package org.tracker.api.measures;
