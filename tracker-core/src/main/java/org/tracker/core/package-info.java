/**
 * The tracker's domain: every measure it follows is an event-sourced aggregate that checks a fact and records it
 * as an event, and every status is derived from those events by pure rules. Nothing here knows about Spring, JPA or
 * Kafka, so the rules can be tested and replayed anywhere.
 */
package org.tracker.core;
