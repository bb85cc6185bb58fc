package org.tracker.notify.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.notify.send.Dispatcher;
import org.tracker.notify.store.Attempt;
import org.tracker.notify.store.Delivery;
import org.tracker.notify.store.DeliveryLog;
import org.tracker.notify.store.DeliveryQueue;

/** An account's deliveries: what was sent, every attempt, and redelivery of what failed. */
@RestController
class DeliveryController {

    record DeliveryView(Delivery delivery, List<Attempt> attempts) {}

    private final DeliveryLog deliveryLog;
    private final DeliveryQueue queue;
    private final Dispatcher dispatcher;
    private final Clock clock;

    DeliveryController(DeliveryLog deliveryLog, DeliveryQueue queue, Dispatcher dispatcher, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping("/api/deliveries")
    List<Delivery> deliveries(
            @RequestParam(required = false) UUID subscription,
            @RequestParam(required = false) Delivery.Status status,
            @RequestParam(defaultValue = "100") int limit,
            Principal caller) {
        return deliveryLog.deliveries(caller.getName(), subscription, status, clamp(limit));
    }

    @GetMapping("/api/deliveries/{id}")
    DeliveryView delivery(@PathVariable String id, Principal caller) {
        Delivery delivery = deliveryLog
                .delivery(Requests.id(id, "delivery"), caller.getName())
                .orElseThrow(() -> NotifyProblem.notFound("delivery", id));
        return new DeliveryView(delivery, deliveryLog.attempts(delivery.id()));
    }

    /** Sends a delivery again with the same id, so a receiver that did get it can tell. */
    @PostMapping("/api/deliveries/{id}/redeliver")
    ResponseEntity<DeliveryView> redeliver(@PathVariable String id, Principal caller) {
        UUID delivery = Requests.id(id, "delivery");
        if (!queue.redeliver(delivery, caller.getName(), clock.instant())) {
            deliveryLog.delivery(delivery, caller.getName()).orElseThrow(() -> NotifyProblem.notFound("delivery", id));
            return ResponseEntity.accepted().body(delivery(id, caller));
        }
        dispatcher.wake();
        return ResponseEntity.accepted().body(delivery(id, caller));
    }

    private static int clamp(int limit) {
        return Math.min(Math.max(limit, 1), 1000);
    }
}
