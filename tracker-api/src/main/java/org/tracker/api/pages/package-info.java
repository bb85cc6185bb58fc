/**
 * The pages staffers, dashboards and auditors read in a browser, served by the tracker itself: rendered on the server
 * from the projection and the event store (readable without JavaScript, printable), and kept live by one small script
 * that swaps in what {@link org.tracker.api.pages.LiveStreams} sends as each committed change reaches this instance.
 * Every text is escaped by the templates; nothing here writes to the store (ADR 14).
 */
package org.tracker.api.pages;
