/**
 * The tamper-evident event chain (ADR 8) inside the service: the event storage engine that links every event it
 * appends, in the same transaction, to the one before it in its measure; the migration that links what was stored
 * before; and the walk and the exports that read events and links from one snapshot. How a row is hashed, walked and
 * exported lives in tracker-audit, so that the command line checks exports with the same code.
 */
package org.tracker.api.chain;
