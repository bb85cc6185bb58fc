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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.Require;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.send.WebhookSignature;
import org.tracker.notify.send.WebhookTargets;
import org.tracker.notify.send.WebhookTargets.RefusedTarget;
import org.tracker.notify.store.EndpointStore;
import org.tracker.notify.store.NotifyJson;
import org.tracker.notify.store.SubscriptionStore;
import org.tracker.notify.store.WebhookEndpoint;

/** Webhook endpoints. A secret is shown when it is made (and on rotation), never in listings. */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    record EndpointRequest(String url, String description) {

        EndpointRequest {
            Require.text(url, "url", FactLimits.SOURCE);
            Require.text(description, "description", FactLimits.SHORT_TITLE);
        }
    }

    record EndpointView(
            UUID id,
            String url,
            String description,
            Instant disabledAt,
            String disabledReason,
            Instant failingSince,
            Instant createdAt) {

        static EndpointView of(WebhookEndpoint endpoint) {
            return new EndpointView(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.description(),
                    endpoint.disabledAt(),
                    endpoint.disabledReason(),
                    endpoint.failingSince(),
                    endpoint.createdAt());
        }
    }

    /** @param secret the new signing secret; the previous one also signs until {@code previousValidUntil} */
    record SecretView(UUID id, String url, String secret, Instant previousValidUntil) {}

    private final EndpointStore endpoints;
    private final SubscriptionStore subscriptions;
    private final WebhookTargets targets;
    private final NotifyJson json;
    private final NotifyProperties properties;
    private final Clock clock;

    WebhookController(
            EndpointStore endpoints,
            SubscriptionStore subscriptions,
            WebhookTargets targets,
            NotifyJson json,
            NotifyProperties properties,
            Clock clock) {
        this.endpoints = endpoints;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<SecretView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = EndpointRequest.class)))
                    @RequestBody
                    JsonNode body,
            Principal caller) {
        EndpointRequest request = Requests.read(json, body, EndpointRequest.class);
        if (request.url() == null) {
            throw NotifyProblem.invalid("'url' is required, at most " + FactLimits.SOURCE + " characters.");
        }
        try {
            targets.check(request.url());
        } catch (RefusedTarget refused) {
            throw NotifyProblem.invalid(refused.getMessage());
        }
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                UUID.randomUUID(),
                caller.getName(),
                request.url(),
                request.description(),
                List.of(new WebhookEndpoint.Secret(secret, null)),
                null,
                null,
                null,
                clock.instant());
        endpoints.create(endpoint);
        return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
                .body(new SecretView(endpoint.id(), endpoint.url(), secret, null));
    }

    @GetMapping
    List<EndpointView> list(Principal caller) {
        return endpoints.ofAccount(caller.getName()).stream()
                .map(EndpointView::of)
                .toList();
    }

    @GetMapping("/{id}")
    EndpointView one(@PathVariable String id, Principal caller) {
        return EndpointView.of(find(id, caller));
    }

    @PostMapping("/{id}/rotate-secret")
    SecretView rotate(@PathVariable String id, Principal caller) {
        WebhookEndpoint endpoint = find(id, caller);
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        endpoints.rotate(endpoint, secret, now, properties.secretOverlap());
        return new SecretView(endpoint.id(), endpoint.url(), secret, now.plus(properties.secretOverlap()));
    }

    @PostMapping("/{id}/enable")
    EndpointView enable(@PathVariable String id, Principal caller) {
        WebhookEndpoint endpoint = find(id, caller);
        endpoints.enable(endpoint.id());
        return EndpointView.of(endpoints.find(endpoint.id()).orElseThrow());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Principal caller) {
        WebhookEndpoint endpoint = find(id, caller);
        boolean inUse = subscriptions.ofAccount(caller.getName()).stream()
                .anyMatch(subscription -> endpoint.id().equals(subscription.webhook()));
        if (inUse) {
            throw new NotifyProblem(
                    HttpStatus.CONFLICT,
                    "endpoint-in-use",
                    "The endpoint is in use",
                    "Subscriptions still send to this endpoint; change or delete them first.");
        }
        endpoints.delete(endpoint.id(), caller.getName());
        return ResponseEntity.noContent().build();
    }

    private WebhookEndpoint find(String id, Principal caller) {
        return endpoints
                .find(Requests.id(id, "webhook endpoint"), caller.getName())
                .orElseThrow(() -> NotifyProblem.notFound("webhook endpoint", id));
    }
}
