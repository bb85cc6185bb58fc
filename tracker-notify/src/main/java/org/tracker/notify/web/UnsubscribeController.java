package org.tracker.notify.web;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.send.UnsubscribeLinks;
import org.tracker.notify.store.SubscriptionStore;

/**
 * The link in every alert email. Opening it shows a button; only the button's POST (or a mail client's one-click
 * POST, RFC 8058) unsubscribes, so that a link scanner fetching the page changes nothing. Unsubscribing pauses the
 * subscription, which its account can resume.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final SubscriptionStore subscriptions;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, SubscriptionStore subscriptions, Clock clock) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @GetMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        if (links.subscriptionOf(token).isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND, "This unsubscribe link is not valid. Ask the tracker's operator for help.");
        }
        return page(
                HttpStatus.OK,
                "<form method=\"post\"><p>Stop these alerts?</p><button type=\"submit\">Unsubscribe</button></form>");
    }

    @PostMapping(value = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        Optional<UUID> id = links.subscriptionOf(token);
        if (id.isEmpty()) {
            return page(
                    HttpStatus.NOT_FOUND, "This unsubscribe link is not valid. Ask the tracker's operator for help.");
        }
        Optional<Subscription> stopped = subscriptions.unsubscribe(id.get(), clock.instant());
        String name = stopped.map(Subscription::name).orElse(null);
        return page(
                HttpStatus.OK,
                "You are unsubscribed" + (name == null ? "" : " from " + HtmlUtils.htmlEscape(name))
                        + ". No more alerts will be sent for this subscription.");
    }

    private static ResponseEntity<String> page(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>Tracker alerts</title></head><body>"
                        + body + "</body></html>");
    }
}
