/**
 * Reads GPO's BILLSTATUS XML, the bulk form of congress.gov's record of every bill and resolution, into the facts the
 * domain records. Both schema generations are read: the legacy one ({@code billType}, {@code billNumber}, roll calls
 * listed once for the whole bill) and 3.0.0 ({@code type}, {@code number}, roll calls inside the actions they decided),
 * so that a bill imported from either gives the same measure.
 *
 * <p>The files come from outside, so the reader parses with the JDK's own parser with DOCTYPEs, external entities and
 * entity expansion refused, and refuses input over a size it is given, before any of it is parsed.
 */
package org.tracker.imports.billstatus;
