/**
 * What a measure looks like now, folded from its events: kind, title, status, last action, next deadline, latest
 * vote. Plain code over a row, so that the dashboards' projection and the notifier (which must know a measure's
 * status before and after each event) derive it one way, and so that it is tested without servers.
 */
package org.tracker.core.projection;
