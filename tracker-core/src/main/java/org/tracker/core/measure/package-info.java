/**
 * The one place a stored event becomes a measure row: {@link org.tracker.core.measure.MeasureFold} folds events in
 * the stream's order and reports the rows it changed and the status transitions it met. Plain code over rows, so that
 * the dashboards' projection, rebuilds, as-of answers and the notifier derive a measure one way, and so that it is
 * tested without servers.
 */
package org.tracker.core.measure;
