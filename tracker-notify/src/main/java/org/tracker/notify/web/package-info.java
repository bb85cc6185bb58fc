/**
 * The alerts API: an account's subscriptions, webhook endpoints, deliveries and alerts, each visible only to the
 * account (the caller is the request's principal, set by the tracker's token filter), every account's alerts for
 * auditors under {@code /api/admin} (which the tracker's filter opens to operators only), and the public unsubscribe
 * link that emails carry.
 */
package org.tracker.notify.web;
