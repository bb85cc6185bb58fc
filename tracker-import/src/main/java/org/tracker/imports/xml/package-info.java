/**
 * The one place where XML from outside is parsed. BILLSTATUS files and both chambers' roll calls are published as XML,
 * and each of their readers needs the same defences (no external entity or DTD fetched, no entity expanded, a size
 * limit); keeping the parser setup here means a reader cannot forget one of them.
 */
package org.tracker.imports.xml;
