/**
 * The entry points that bring the official record into the tracker: {@code POST /api/imports} (one file as the body,
 * or several as a multipart upload), a watched directory, and the congress.gov poller; {@code ./tracker import} posts
 * to the first. They exist so that staffers never type in what Congress already publishes.
 *
 * <p>All of them import through {@link org.tracker.api.imports.RecordImporter}: tracker-import reads a file (its kind
 * told by its root element), and its commands go through {@link org.tracker.api.batch.CommandBatch} in one
 * transaction per file, with the bill's update date, so that a file appends all of what is new in it or nothing. The
 * aggregates make a repeated import append nothing; the update date makes an older record after a newer one change
 * nothing.
 */
package org.tracker.api.imports;
