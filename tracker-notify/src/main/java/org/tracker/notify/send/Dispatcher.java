package org.tracker.notify.send;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tracker.notify.AccountContacts;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.rule.RetrySchedule;
import org.tracker.notify.rule.SettlePolicy;
import org.tracker.notify.rule.SettlePolicy.Attempted;
import org.tracker.notify.rule.Settlement;
import org.tracker.notify.rule.Settlement.Delivered;
import org.tracker.notify.rule.Settlement.GiveUp;
import org.tracker.notify.store.Attempt;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.Delivery.Channel;
import org.tracker.notify.store.DeliveryQueue;
import org.tracker.notify.store.EndpointStore;
import org.tracker.notify.store.WebhookEndpoint;

/**
 * Attempts the deliveries that are due, several at a time. It is woken when new ones are recorded and otherwise
 * looks again when the next retry falls due. Every attempt is logged; what happens next (done, retry later, give up,
 * disable the endpoint), as {@link SettlePolicy} decides, is recorded with it. A dispatcher that dies between sending
 * and recording leaves the delivery leased; when the lease runs out it is sent again with the same id.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    /**
     * Deliveries are claimed ahead of the senders, so that under load one claim serves several attempts rather than
     * each attempt waiting for its own. Two per sender keeps a claimed delivery's wait, even behind receivers that
     * take the whole webhook timeout, well inside its lease.
     */
    private static final int CLAIMED_PER_SENDER = 2;

    private final DeliveryQueue queue;
    private final EndpointStore endpoints;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final AccountContacts contacts;
    private final NotifyProperties properties;
    private final SettlePolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Semaphore free;
    private final Semaphore wake = new Semaphore(0);

    private volatile boolean running;
    private ExecutorService senders;
    private Thread loop;

    public Dispatcher(
            DeliveryQueue queue,
            EndpointStore endpoints,
            WebhookSender webhooks,
            EmailSender email,
            AccountContacts contacts,
            NotifyProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
        this.email = email;
        this.contacts = contacts;
        this.properties = properties;
        this.policy = new SettlePolicy(new RetrySchedule(properties.retrySchedule()), properties.disableAfter());
        this.clock = clock;
        this.meters = meters;
        this.free = new Semaphore(properties.senders() * CLAIMED_PER_SENDER);
        Gauge.builder("tracker.notify.deliveries.waiting", queue, DeliveryQueue::waiting)
                .description("deliveries due or waiting for a retry")
                .register(meters);
    }

    /** New deliveries were recorded: look now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.senders(), task -> {
            Thread thread = new Thread(task, "notify-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "notify-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        if (loop == null) {
            return;
        }
        loop.interrupt();
        senders.shutdownNow();
        try {
            loop.join(5_000);
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                free.acquire();
                free.release();
                int room = free.availablePermits();
                List<Delivery> due = queue.claimDue(clock.instant(), room, properties.lease());
                Map<UUID, WebhookEndpoint> endpointsOf = endpoints.find(webhookTargets(due));
                for (Delivery delivery : due) {
                    free.acquire();
                    senders.execute(() -> {
                        try {
                            attempt(delivery, endpointsOf);
                        } finally {
                            free.release();
                        }
                    });
                }
                if (due.size() < room) {
                    // A wake-up that came while claiming ends this wait at once, so it is never lost.
                    wake.tryAcquire(untilNextDue().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("the dispatcher could not read the outbox; trying again in a second", e);
                sleep();
            }
        }
    }

    private static Set<UUID> webhookTargets(List<Delivery> deliveries) {
        Set<UUID> targets = new HashSet<>();
        for (Delivery delivery : deliveries) {
            if (delivery.channel() == Channel.WEBHOOK) {
                targets.add(UUID.fromString(delivery.target()));
            }
        }
        return targets;
    }

    private Duration untilNextDue() {
        Optional<Instant> next = queue.nextDue();
        if (next.isEmpty()) {
            return IDLE;
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        return wait.isNegative() ? Duration.ofMillis(10) : wait.compareTo(IDLE) > 0 ? IDLE : wait;
    }

    /**
     * @param endpointsOf the webhook endpoints as they were when the delivery was claimed: one read for the claimed
     *     batch rather than one per attempt. An endpoint disabled since may still get the few deliveries already
     *     claimed for it; each is settled by the answer it gets.
     */
    private void attempt(Delivery delivery, Map<UUID, WebhookEndpoint> endpointsOf) {
        Instant now = clock.instant();
        try {
            if (delivery.channel() == Channel.EMAIL) {
                SendResult result = email.send(delivery);
                settle(delivery, result, now, null);
            } else {
                WebhookEndpoint endpoint = endpointsOf.get(UUID.fromString(delivery.target()));
                if (endpoint == null || endpoint.disabled()) {
                    String reason = endpoint == null
                            ? "the webhook endpoint was deleted"
                            : "the webhook endpoint is disabled: " + endpoint.disabledReason();
                    queue.settle(attempt(delivery, now, SendResult.refused(reason)), new GiveUp(reason, false, null));
                    return;
                }
                SendResult result = webhooks.send(endpoint, delivery, now);
                settle(delivery, result, now, endpoint);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error(
                    "delivery {} could not be attempted; its lease will run out and it will be tried again",
                    delivery.id(),
                    e);
        }
    }

    private void settle(Delivery delivery, SendResult result, Instant now, WebhookEndpoint endpoint) {
        Attempt attempt = attempt(delivery, now, result);
        Timer.builder("tracker.notify.attempts")
                .description("delivery attempts, by channel and outcome")
                .tag("channel", delivery.channel().name())
                .tag("outcome", result.outcome().name())
                .register(meters)
                .record(Duration.ofMillis(result.millis()));
        if (!result.succeeded()) {
            log.warn(
                    "delivery {} ({} to {}) failed on attempt {}: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.target(),
                    delivery.attempts() + 1,
                    result.error());
        }
        boolean gone = endpoint != null && result.gone();
        // A gone endpoint is disabled whatever its record, so its run of failures is left as it was.
        Instant failingSince =
                endpoint != null && !result.succeeded() && !gone ? endpoints.failed(endpoint.id(), now) : null;
        Settlement settlement = policy.after(
                new Attempted(
                        now,
                        delivery.attempts() + 1,
                        result.succeeded(),
                        result.error(),
                        result.retryAfter(),
                        gone,
                        failingSince),
                clock.instant(),
                RandomGenerator.getDefault());
        if (settlement instanceof GiveUp giveUp && giveUp.disableEndpoint() != null) {
            disable(endpoint, giveUp.disableEndpoint(), now);
        }
        queue.settle(attempt, settlement);
        if (settlement instanceof Delivered delivered) {
            Timer.builder("tracker.notify.delivery.lag")
                    .description("from the notifier's decision to the delivery's success, retries included")
                    .tag("channel", delivery.channel().name())
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(meters)
                    .record(Duration.between(delivery.createdAt(), delivered.at()));
            if (endpoint != null && endpoint.failingSince() != null) {
                endpoints.succeeded(endpoint.id());
            }
        }
    }

    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        endpoints.disable(endpoint.id(), reason, now);
        queue.failWaitingFor(endpoint.id(), "the webhook endpoint was disabled: " + reason);
        log.warn("webhook endpoint {} ({}) disabled: {}", endpoint.id(), endpoint.url(), reason);
        contacts.emailOf(endpoint.account()).ifPresent(address -> {
            try {
                email.notice(
                        address,
                        "[tracker] Webhook endpoint disabled: " + endpoint.url(),
                        "The tracker stopped sending alerts to " + endpoint.url() + " (endpoint " + endpoint.id()
                                + ") because " + reason + ".\n\nThe alerts it could not deliver are kept. Enable the"
                                + " endpoint again with POST /api/webhooks/" + endpoint.id() + "/enable, then"
                                + " redeliver them with POST /api/deliveries/{id}/redeliver.\n");
            } catch (RuntimeException e) {
                log.warn("could not tell {} that endpoint {} was disabled", address, endpoint.id(), e);
            }
        });
    }

    private static Attempt attempt(Delivery delivery, Instant now, SendResult result) {
        return new Attempt(
                delivery.id(),
                now,
                delivery.channel(),
                delivery.target(),
                result.outcome(),
                result.statusCode(),
                result.millis(),
                result.error());
    }

    private static void sleep() {
        try {
            Thread.sleep(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
