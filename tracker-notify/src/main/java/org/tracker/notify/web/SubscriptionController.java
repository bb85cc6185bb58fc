package org.tracker.notify.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.api.Require;
import org.tracker.notify.rule.Condition;
import org.tracker.notify.rule.Follow;
import org.tracker.notify.rule.SavedSearch;
import org.tracker.notify.rule.Schedule;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.DeliveryLog;
import org.tracker.notify.store.EndpointStore;
import org.tracker.notify.store.NotifyJson;
import org.tracker.notify.store.SubscriptionStore;

@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    /** What a client sends to create or replace a subscription. */
    /**
     * What a client asks for, bounded here rather than in {@link Subscription} and {@link Follow}, which also read
     * the subscriptions already stored.
     */
    record SubscriptionRequest(
            String name, Follow follow, List<Condition> when, Schedule schedule, String email, UUID webhook) {

        /** RFC 5321 bounds an address at 254 characters. */
        private static final int EMAIL = 254;
        /** More words than a title holds match nothing; more conditions than triggers exist repeat each other. */
        private static final int WORDS = 50;

        private static final int CONDITIONS = 50;

        SubscriptionRequest {
            Require.text(name, "name", FactLimits.SHORT_TITLE);
            Require.text(email, "email", EMAIL);
            Require.atMost(when, CONDITIONS, "when");
            if (follow != null && follow.measure() != null) {
                MeasureIds.requireCanonical(follow.measure(), "follow.measure");
            }
            if (follow != null && follow.member() != null) {
                Require.bioguideId(follow.member(), "follow.member");
            }
            if (follow != null && follow.search() != null) {
                SavedSearch search = follow.search();
                Require.atMost(search.words(), WORDS, "follow.search.words");
                for (int i = 0; i < search.words().size(); i++) {
                    Require.text(search.words().get(i), "follow.search.words[" + i + "]", FactLimits.SEARCH_TEXT);
                }
                Require.text(search.chamber(), "follow.search.chamber", FactLimits.SEARCH_TEXT);
                Require.text(search.status(), "follow.search.status", FactLimits.SEARCH_TEXT);
            }
        }
    }

    /** A subscription as its account sees it. */
    record SubscriptionView(Subscription subscription, String pausedReason) {}

    private final SubscriptionStore subscriptions;
    private final EndpointStore endpoints;
    private final DeliveryLog deliveryLog;
    private final NotifyJson json;
    private final Clock clock;

    SubscriptionController(
            SubscriptionStore subscriptions,
            EndpointStore endpoints,
            DeliveryLog deliveryLog,
            NotifyJson json,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
        this.deliveryLog = deliveryLog;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Subscription> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = SubscriptionRequest.class)))
                    @RequestBody
                    JsonNode body,
            Principal caller) {
        Subscription subscription = build(UUID.randomUUID(), body, caller.getName(), clock.instant());
        subscriptions.create(subscription);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .body(subscription);
    }

    @GetMapping
    List<Subscription> list(Principal caller) {
        return subscriptions.ofAccount(caller.getName());
    }

    @GetMapping("/{id}")
    SubscriptionView one(@PathVariable String id, Principal caller) {
        Subscription subscription = find(id, caller);
        return new SubscriptionView(
                subscription, subscriptions.pausedReason(subscription.id()).orElse(null));
    }

    @PutMapping("/{id}")
    Subscription replace(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = SubscriptionRequest.class)))
                    @RequestBody
                    JsonNode body,
            Principal caller) {
        Subscription existing = find(id, caller);
        Subscription replaced = build(existing.id(), body, caller.getName(), existing.createdAt());
        subscriptions.replace(replaced, clock.instant());
        return replaced;
    }

    @PostMapping("/{id}/pause")
    Subscription pause(@PathVariable String id, Principal caller) {
        return setPaused(id, caller, true);
    }

    @PostMapping("/{id}/resume")
    Subscription resume(@PathVariable String id, Principal caller) {
        return setPaused(id, caller, false);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Principal caller) {
        if (!subscriptions.delete(Requests.id(id, "subscription"), caller.getName(), clock.instant())) {
            throw NotifyProblem.notFound("subscription", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<Delivery> deliveries(
            @PathVariable String id,
            @RequestParam(required = false) Delivery.Status status,
            @RequestParam(defaultValue = "100") int limit,
            Principal caller) {
        Subscription subscription = find(id, caller);
        return deliveryLog.deliveries(caller.getName(), subscription.id(), status, Math.min(Math.max(limit, 1), 1000));
    }

    private Subscription setPaused(String id, Principal caller, boolean paused) {
        Subscription subscription = find(id, caller);
        subscriptions.pause(subscription.id(), caller.getName(), paused, "paused by its account", clock.instant());
        return subscription.paused(paused);
    }

    private Subscription find(String id, Principal caller) {
        return subscriptions
                .find(Requests.id(id, "subscription"), caller.getName())
                .orElseThrow(() -> NotifyProblem.notFound("subscription", id));
    }

    private Subscription build(UUID id, JsonNode body, String account, Instant createdAt) {
        SubscriptionRequest request = Requests.read(json, body, SubscriptionRequest.class);
        if (request.webhook() != null
                && endpoints.find(request.webhook(), account).isEmpty()) {
            throw NotifyProblem.invalid("Your account has no webhook endpoint '" + request.webhook()
                    + "'; register one with POST /api/webhooks first.");
        }
        try {
            return new Subscription(
                    id,
                    account,
                    request.name(),
                    request.follow(),
                    request.when(),
                    request.schedule(),
                    request.email(),
                    request.webhook(),
                    false,
                    createdAt);
        } catch (IllegalArgumentException e) {
            throw NotifyProblem.invalid(e.getMessage());
        }
    }
}
