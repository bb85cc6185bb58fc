package org.tracker.api.parking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.measures.MeasureEvents;
import org.tracker.api.web.Problems;
import org.tracker.notify.parking.ParkedEvent;
import org.tracker.notify.parking.ParkedEventActions;
import org.tracker.notify.parking.ParkedEventActions.AlreadyResolved;
import org.tracker.notify.parking.ParkedEventActions.NothingParked;
import org.tracker.notify.parking.ParkedEventActions.RetryFailed;
import org.tracker.notify.parking.ParkedEvents;
import org.tracker.notify.parking.StreamConsumer;

/**
 * Operators look at the events the consumers parked, retry them once the cause is gone, or discard them with a reason;
 * see ADR 10.
 */
@RestController
@RequestMapping("/api/admin/parked")
@Tag(name = "admin", description = "Operators' and auditors' tools; each operation names the role it needs")
class ParkedController {

    private static final int MOST_LISTED = 1_000;

    record Discard(String reason) {}

    /** @param event the event as the consumer read it, or as the store holds it when Kafka never carried it */
    record Inspected(ParkedEvent parked, JsonNode event) {}

    private final ParkedEvents parked;
    private final ParkedEventActions actions;
    private final MeasureEvents store;
    private final ObjectMapper json;

    ParkedController(ParkedEvents parked, ParkedEventActions actions, MeasureEvents store, ObjectMapper json) {
        this.parked = parked;
        this.actions = actions;
        this.store = store;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Parked events, oldest first; unresolved only unless state=all or state=resolved")
    List<ParkedEvent> list(
            @RequestParam(required = false) String consumer,
            @RequestParam(required = false) String measure,
            @RequestParam(defaultValue = "unresolved") String state) {
        StreamConsumer which = consumer == null ? null : StreamConsumer.of(consumer);
        List<ParkedEvent> events =
                switch (state) {
                    case "unresolved" -> parked.list(which, measure, true, MOST_LISTED);
                    case "all" -> parked.list(which, measure, false, MOST_LISTED);
                    case "resolved" -> parked.list(which, measure, false, MOST_LISTED).stream()
                            .filter(event -> !event.unresolved())
                            .toList();
                    default -> throw new IllegalArgumentException(
                            "state is 'unresolved' (the default), 'resolved' or 'all', not '" + state + "'");
                };
        return events;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One parked event: why it was parked, what became of it, and the event itself")
    Inspected inspect(@PathVariable long id) {
        ParkedEvent event = actions.find(id);
        Optional<byte[]> bytes = parked.record(id).or(() -> store.storedPayload(event.eventId()));
        return new Inspected(event, bytes.map(this::readable).orElse(null));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Process the parked event's measure again for its consumer, from the event store")
    List<ParkedEvent> retry(@PathVariable long id, Principal operator) {
        return actions.retry(id, name(operator));
    }

    @PostMapping("/measures/{measureId}/retry")
    @Operation(summary = "Process the measure's parked events again for every consumer that parked them")
    List<ParkedEvent> retryMeasure(@PathVariable String measureId, Principal operator) {
        return actions.retryMeasure(measureId, name(operator));
    }

    @PostMapping("/{id}/discard")
    @Operation(
            summary = "Give up the parked event and the later ones of its measure held behind it; a reason is required")
    List<ParkedEvent> discard(@PathVariable long id, @RequestBody Discard body, Principal operator) {
        return actions.discard(id, name(operator), body.reason());
    }

    @PostMapping("/measures/{measureId}/discard")
    @Operation(summary = "Give up every parked event of the measure, for both consumers; a reason is required")
    List<ParkedEvent> discardMeasure(@PathVariable String measureId, @RequestBody Discard body, Principal operator) {
        return actions.discardMeasure(measureId, name(operator), body.reason());
    }

    @ExceptionHandler(NothingParked.class)
    ProblemDetail nothing(NothingParked e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-parked", "Nothing parked", e.getMessage());
    }

    @ExceptionHandler(AlreadyResolved.class)
    ProblemDetail resolved(AlreadyResolved e) {
        return Problems.of(HttpStatus.CONFLICT, "already-resolved", "Already resolved", e.getMessage());
    }

    @ExceptionHandler(RetryFailed.class)
    ProblemDetail failed(RetryFailed e) {
        return Problems.of(
                HttpStatus.CONFLICT, "retry-failed", "The retry failed; the events stay parked", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", e.getMessage());
    }

    /** The serialized event is JSON; anything else is shown as text rather than hidden. */
    private JsonNode readable(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String name(Principal operator) {
        return operator == null ? "unknown" : operator.getName();
    }
}
