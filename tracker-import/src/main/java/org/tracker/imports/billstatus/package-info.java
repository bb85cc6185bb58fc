/**
 * Reads GPO's BILLSTATUS XML, the bulk form of congress.gov's record of every bill and resolution, into a {@link
 * org.tracker.imports.bill.BillRecord}. Both schema generations are read: the legacy one ({@code billType}, {@code
 * billNumber}, roll calls listed once for the whole bill) and 3.0.0 ({@code type}, {@code number}, roll calls inside
 * the actions they decided), so that a bill imported from either gives the same measure.
 *
 * <p>The files come from outside, so they are parsed through {@link org.tracker.imports.xml.HardenedXml}, with
 * DOCTYPEs refused and a size limit checked before any of a file is parsed.
 */
package org.tracker.imports.billstatus;
