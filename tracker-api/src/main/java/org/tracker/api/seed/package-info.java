/**
 * The measures a new tracker starts with, so that a first run shows real data. Every seed fact names its public
 * source as {@code seed:<url>}; facts that could not be verified (some roll-call numbers, some dates) are left out
 * rather than guessed, for the importers to bring in from the official record.
 */
package org.tracker.api.seed;
