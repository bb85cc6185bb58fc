/**
 * The alerts API: an account's subscriptions, webhook endpoints, deliveries and alerts, each visible only to the
 * account (the caller is the request's principal, set by the tracker's token filter), and the public unsubscribe
 * link that emails carry.
 */
package org.tracker.notify.web;
