/**
 * Who may write. Reading published measures is open; every write carries a bearer token whose SHA-256 hash must be
 * on file, and the account it belongs to is recorded as the submitter of every fact it writes.
 */
package org.tracker.api.security;
