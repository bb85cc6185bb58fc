/**
 * Alerts that time makes rather than events: deadlines coming near or passing while nothing else happens, and
 * digests gathered at the end of each subscriber's day or week.
 */
package org.tracker.notify.schedule;
