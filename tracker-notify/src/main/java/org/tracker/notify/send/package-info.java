/**
 * Delivering what the outbox holds: signed webhooks (Standard Webhooks) to endpoints outside the tracker's own
 * network, emails with an unsubscribe link, retries with backoff, and a log of every attempt.
 */
package org.tracker.notify.send;
