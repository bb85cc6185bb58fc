/**
 * Delivering what the outbox holds: signed webhooks (Standard Webhooks) to endpoints outside the tracker's own
 * network, emails with an unsubscribe link, retries with backoff, and a log of every attempt. What a delivery says is
 * plain code, tested without servers: the message, the webhook body the outbox stores for it, and the email made
 * from the same message.
 */
package org.tracker.notify.send;
