/**
 * What happens to an event that a consumer of the stream cannot process: no accepted fact may halt the stream. The
 * projection (in tracker-api) and the notifier (here) both hand each batch to {@link
 * org.tracker.notify.parking.ParkingPolicy}, so that one policy, configured once, decides what is an outage to wait
 * out and what is an event to set aside. An event that still fails when applied alone is parked in PostgreSQL with
 * its reason, together with the later events of its measure, while other measures flow on; operators retry or
 * discard it.
 *
 * <p>It lives in tracker-notify because tracker-api depends on this module and not the other way round: both
 * consumers can reach it only here. It is a package of its own so that it knows nothing of alerts: the notifier's
 * stream package depends on it, never the reverse.
 */
package org.tracker.notify.parking;
