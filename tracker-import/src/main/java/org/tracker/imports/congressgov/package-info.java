/**
 * The congress.gov API v3: its JSON read into the same {@link org.tracker.imports.bill.BillRecord} a BILLSTATUS file
 * gives, and a poller that follows the bills updated since it last looked. The API is the timely source (bulk files
 * lag by hours), but its update dates move whenever a record is reprocessed and it allows 5,000 requests an hour, so
 * the poller compares content rather than dates and keeps within the limit.
 *
 * <p>Free of Spring: a plain class over the JDK's HTTP client, with {@link
 * org.tracker.imports.congressgov.PollerState} for what it must remember, so that the service can keep that in its
 * database and tests in memory.
 */
package org.tracker.imports.congressgov;
