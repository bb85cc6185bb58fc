package org.tracker.imports.congressgov;

import java.net.URI;
import org.tracker.imports.bill.BillRecord;

/**
 * A bill whose content changed since it was last handed on.
 *
 * @param source where the API describes it, to name as the source of the facts recorded from it
 */
public record PolledBill(BillRecord record, URI source) {}
