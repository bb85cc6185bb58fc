/**
 * A bill as an official record describes it, and the tracker-core commands that record it. Several sources describe
 * the same bill (BILLSTATUS files of two schema generations, the congress.gov API); each reader gives a {@link
 * org.tracker.imports.bill.BillRecord}, and {@link org.tracker.imports.bill.BillCommands} is the one mapping from it to
 * commands, so that a bill reads the same whichever source it came from, and imports idempotently.
 */
package org.tracker.imports.bill;
