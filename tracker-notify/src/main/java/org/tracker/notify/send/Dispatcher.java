package org.tracker.notify.send;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.tracker.notify.store.DeliveryQueue.Arrived;
import org.tracker.notify.store.DeliveryQueue.Settled;
import org.tracker.notify.store.Destination;
import org.tracker.notify.store.EndpointStore;
import org.tracker.notify.store.WebhookEndpoint;

/**
 * Sends what the outbox holds, to several destinations (webhook endpoints, email addresses) at a time and to each in
 * the order its deliveries were decided: it claims a destination, sends its waiting deliveries one after the other,
 * and lets it go when none is left, when one fails, or when its turn has lasted long enough for others to have
 * theirs. A failing destination is tried again with its oldest delivery as {@link SettlePolicy} decides, so that the
 * rest follow at once when the receiver answers; when it has failed for good, everything waiting for it is given up
 * together, a webhook endpoint is disabled, and the owners are told. It is woken when new deliveries are recorded
 * and otherwise looks again when the next destination falls due. A dispatcher that dies between sending and
 * recording leaves the destination held; when the lease runs out, what it had sent since it last recorded is sent
 * again with the same ids.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    /** How many of a destination's waiting deliveries are read at once. */
    private static final int READ_AHEAD = 50;

    /**
     * How long a sender keeps to one destination while others may wait for a sender: a long backlog drains in turns
     * rather than holding a sender until it is gone.
     */
    private static final Duration TURN = Duration.ofSeconds(10);

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
        this.policy = new SettlePolicy(
                new RetrySchedule(properties.retrySchedule(), properties.longestRetryAfter()),
                properties.disableAfter());
        this.clock = clock;
        this.meters = meters;
        this.free = new Semaphore(properties.senders());
        Gauge.builder("tracker.notify.deliveries.waiting", queue, DeliveryQueue::waiting)
                .description("deliveries waiting to be sent, or to be tried again")
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
                List<Destination> due = queue.claim(clock.instant(), room, properties.lease());
                for (Destination destination : due) {
                    free.acquire();
                    senders.execute(() -> {
                        try {
                            turn(destination);
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

    private Duration untilNextDue() {
        Optional<Instant> next = queue.nextDue();
        if (next.isEmpty()) {
            return IDLE;
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        return wait.isNegative() ? Duration.ofMillis(10) : wait.compareTo(IDLE) > 0 ? IDLE : wait;
    }

    /**
     * Sends a claimed destination's waiting deliveries in order until none is left, one fails, or the turn is over.
     * What arrived is recorded in batches, before each read of what waits, on a failure, and at least every third of
     * a lease, so that the database is not waited for between two sends; if the dispatcher dies, only what arrived
     * since it last recorded is sent again, with the same ids. A webhook endpoint is read once a turn: one deleted or
     * disabled meanwhile may still get the rest of the turn's deliveries, each settled by the answer it gets.
     */
    private void turn(Destination claimed) {
        Turn turn = new Turn(claimed);
        try {
            WebhookEndpoint endpoint = null;
            if (claimed.channel() == Channel.WEBHOOK) {
                endpoint = endpoints.find(UUID.fromString(claimed.target())).orElse(null);
                if (endpoint == null || endpoint.disabled()) {
                    queue.refuseWaiting(
                            claimed,
                            clock.instant(),
                            endpoint == null
                                    ? "the webhook endpoint was deleted"
                                    : "the webhook endpoint is disabled: " + endpoint.disabledReason());
                    return;
                }
            }
            long started = System.nanoTime();
            while (true) {
                List<Delivery> waiting = queue.waitingFor(turn.held, READ_AHEAD);
                for (Delivery delivery : waiting) {
                    Instant now = clock.instant();
                    SendResult result = send(delivery, endpoint, now);
                    Settlement settlement = policy.after(
                            new Attempted(
                                    now,
                                    result.succeeded(),
                                    result.error(),
                                    result.retryAfter(),
                                    result.gone(),
                                    turn.held.failingSince(),
                                    turn.held.failures()),
                            clock.instant(),
                            RandomGenerator.getDefault());
                    Attempt attempt = attempt(delivery, now, result);
                    if (!(settlement instanceof Delivered delivered)) {
                        if (turn.record()) {
                            settleFailure(turn.held, attempt, settlement, endpoint, now);
                        }
                        return;
                    }
                    turn.arrived(new Arrived(attempt, delivered.at()));
                    if (turn.recordedLongAgo() && !turn.record()) {
                        return;
                    }
                }
                if (!turn.record()) {
                    return;
                }
                // Fewer than asked for were waiting: unless more came meanwhile, the destination is done with.
                if (waiting.size() < READ_AHEAD && !queue.releaseUnlessWaiting(turn.held, clock.instant())) {
                    return;
                }
                if (System.nanoTime() - started > TURN.toNanos()) {
                    queue.release(turn.held, clock.instant());
                    wake();
                    return;
                }
            }
        } catch (InterruptedException stopping) {
            turn.recordIfPossible();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error(
                    "deliveries to {} {} could not be attempted; its lease will run out and they will be tried again",
                    claimed.channel(),
                    claimed.target(),
                    e);
            turn.recordIfPossible();
        }
    }

    /** A destination as a sender holds it during its turn, and what arrived there that is not recorded yet. */
    private final class Turn {

        private final List<Arrived> unrecorded = new ArrayList<>();
        private Destination held;
        private long recordedAt = System.nanoTime();

        Turn(Destination claimed) {
            this.held = claimed;
        }

        void arrived(Arrived arrived) {
            unrecorded.add(arrived);
            held = held.answered();
        }

        boolean recordedLongAgo() {
            return System.nanoTime() - recordedAt > properties.lease().toNanos() / 3;
        }

        /** @return whether the dispatcher still holds the destination */
        boolean record() {
            recordedAt = System.nanoTime();
            if (unrecorded.isEmpty()) {
                return true;
            }
            boolean stillHeld =
                    queue.delivered(held, unrecorded, clock.instant().plus(properties.lease()));
            unrecorded.clear();
            return stillHeld;
        }

        /** Records what arrived when the turn ends early; what cannot be recorded is sent again, with the same ids. */
        void recordIfPossible() {
            try {
                record();
            } catch (RuntimeException e) {
                log.warn(
                        "{} deliveries that arrived could not be recorded; they will be sent again",
                        unrecorded.size(),
                        e);
            }
        }
    }

    /** @param endpoint the webhook endpoint, or null for an email */
    private SendResult send(Delivery delivery, WebhookEndpoint endpoint, Instant now) throws InterruptedException {
        SendResult result =
                delivery.channel() == Channel.EMAIL ? email.send(delivery) : webhooks.send(endpoint, delivery, now);
        Timer.builder("tracker.notify.attempts")
                .description("delivery attempts, by channel and outcome")
                .tag("channel", delivery.channel().name())
                .tag("outcome", result.outcome().name())
                .register(meters)
                .record(Duration.ofMillis(result.millis()));
        if (result.succeeded()) {
            Timer.builder("tracker.notify.delivery.lag")
                    .description("from the notifier's decision to the delivery's success, retries included")
                    .tag("channel", delivery.channel().name())
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(meters)
                    .record(Duration.between(delivery.createdAt(), clock.instant()));
        } else {
            log.warn(
                    "delivery {} ({} to {}) failed on attempt {}: {}",
                    delivery.id(),
                    delivery.channel(),
                    delivery.target(),
                    delivery.attempts() + 1,
                    result.error());
        }
        return result;
    }

    /** Records a failed attempt at a destination's oldest delivery: a retry planned, or everything given up. */
    private void settleFailure(
            Destination held, Attempt attempt, Settlement settlement, WebhookEndpoint endpoint, Instant now) {
        if (settlement instanceof GiveUp giveUp) {
            giveUp(held, attempt, giveUp, endpoint, now);
        } else {
            queue.settle(held, attempt, settlement, clock.instant());
        }
    }

    /**
     * Gives up everything waiting for a destination that failed for good. A webhook endpoint is disabled first, so
     * that its deliveries are never given up while it stays enabled; an email address has nothing to disable, and its
     * next email starts a new run of attempts.
     */
    private void giveUp(Destination held, Attempt attempt, GiveUp giveUp, WebhookEndpoint endpoint, Instant now) {
        if (endpoint != null) {
            endpoints.disable(endpoint.id(), giveUp.reason(), now);
            queue.settle(held, attempt, new GiveUp("the webhook endpoint was disabled: " + giveUp.reason()), now);
            log.warn("webhook endpoint {} ({}) disabled: {}", endpoint.id(), endpoint.url(), giveUp.reason());
            tell(
                    endpoint.account(),
                    "[tracker] Webhook endpoint disabled: " + endpoint.url(),
                    "The tracker stopped sending alerts to " + endpoint.url() + " (endpoint " + endpoint.id()
                            + ") because " + giveUp.reason() + ".\n\nThe alerts it could not deliver are kept. Enable"
                            + " the endpoint again with POST /api/webhooks/" + endpoint.id() + "/enable, then redeliver"
                            + " them with POST /api/deliveries/{id}/redeliver (GET /api/deliveries?status=FAILED lists"
                            + " them).\n");
            return;
        }
        String reason = "email to " + held.target() + " was given up: " + giveUp.reason();
        Settled settled = queue.settle(held, attempt, new GiveUp(reason), now);
        log.error("{}; the alerts are kept for redelivery", reason);
        for (String account : settled.givenUpFor()) {
            tell(
                    account,
                    "[tracker] Alerts to " + held.target() + " given up",
                    "The tracker gave up the alerts it could not email to " + held.target() + ": " + giveUp.reason()
                            + ".\n\nThey are kept: GET /api/deliveries?status=FAILED lists them, and POST"
                            + " /api/deliveries/{id}/redeliver sends one again.\n");
        }
    }

    /** Tells an account's owner, if the account has an address; mail trouble is logged, not thrown. */
    private void tell(String account, String subject, String text) {
        contacts.emailOf(account).ifPresent(address -> {
            try {
                email.notice(address, subject, text);
            } catch (RuntimeException e) {
                log.warn("could not tell {} of account {}: {}", address, account, subject, e);
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
