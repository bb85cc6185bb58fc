/**
 * Pure rules that derive where a measure stands from the facts recorded about it. They are functions of their
 * input only (no clock, no I/O), so the aggregates, the importers and the audit replays all reach the same answer.
 */
package org.tracker.core.status;
