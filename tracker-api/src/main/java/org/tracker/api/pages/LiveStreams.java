package org.tracker.api.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.tracker.api.measures.MeasureChanges;
import org.tracker.api.measures.MeasuresChanged;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.measure.MeasureRow;
import org.tracker.core.measure.Transition;

/**
 * The pages' live updates, as Server-Sent Events. The home page's stream hears every changed row; a measure's page
 * hears its own measure. Each change that reaches this instance ({@link MeasuresChanged}, once per instance, from
 * PostgreSQL) is rendered once per view, whatever the number of open pages, and sent to each stream with the change's
 * id, which the browser gives back as {@code Last-Event-ID} when its stream reconnects: the changes it missed are sent
 * first, or a "reload" when the log no longer reaches back that far.
 */
@Controller
class LiveStreams {

    /** A stream ends after this long and the browser opens another, so that no connection is held for ever. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** How many missed changes a reconnecting stream is sent before it is told to reload instead. */
    static final int CATCH_UP_LIMIT = 500;

    private final MeasureChanges changes;
    private final MeasureTimeline timeline;
    private final TemplateEngine templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    LiveStreams(
            MeasureChanges changes,
            MeasureTimeline timeline,
            TemplateEngine templates,
            ObjectMapper json,
            Clock clock) {
        this.changes = changes;
        this.timeline = timeline;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    /** One open page: every measure's rows (the home page), or one measure's row, summary and timeline. */
    private record Stream(SseEmitter emitter, String measureId) {

        boolean wants(String changed) {
            return measureId == null || measureId.equals(changed);
        }
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter open(
            @RequestParam(required = false) String measure,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (measure != null) {
            MeasureIds.requireCanonical(measure, "measure");
        }
        Stream stream = new Stream(new SseEmitter(LIFETIME.toMillis()), measure);
        stream.emitter().onCompletion(() -> streams.remove(stream));
        stream.emitter().onTimeout(() -> streams.remove(stream));
        stream.emitter().onError(e -> streams.remove(stream));
        streams.add(stream);
        send(stream, SseEmitter.event().reconnectTime(2000).comment("open"));
        Long last = eventId(lastEventId);
        if (last != null) {
            Optional<List<MeasuresChanged>> missed = changes.after(last, CATCH_UP_LIMIT);
            if (missed.isEmpty() || missed.get().size() == CATCH_UP_LIMIT) {
                send(stream, SseEmitter.event().name("reload").data("{}"));
            } else {
                for (MeasuresChanged changed : missed.get()) {
                    Rendered rendered = new Rendered(changed, Set.of(stream));
                    rendered.payloadFor(stream).ifPresent(data -> send(stream, event(changed, data)));
                }
            }
        }
        return stream.emitter();
    }

    @EventListener
    void on(MeasuresChanged changed) {
        Set<Stream> open = Set.copyOf(streams);
        if (open.isEmpty()) {
            return;
        }
        Rendered rendered = new Rendered(changed, open);
        for (Stream stream : open) {
            rendered.payloadFor(stream).ifPresent(data -> send(stream, event(changed, data)));
        }
    }

    /** A comment now and then, so that a proxy keeps the stream open and a closed page is noticed. */
    @Scheduled(fixedDelay = 20_000)
    void keepAlive() {
        for (Stream stream : Set.copyOf(streams)) {
            send(stream, SseEmitter.event().comment("alive"));
        }
    }

    int open() {
        return streams.size();
    }

    private static SseEmitter.SseEventBuilder event(MeasuresChanged changed, String data) {
        return SseEmitter.event().id(Long.toString(changed.id())).name("change").data(data, MediaType.APPLICATION_JSON);
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            streams.remove(stream);
            stream.emitter().completeWithError(gone);
        }
    }

    private static Long eventId(String header) {
        if (header == null || header.isBlank() || header.length() > 19) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One change rendered once: each changed row, and for measures a page is open on, its summary and timeline. */
    private final class Rendered {

        private final Map<String, Map<String, String>> views = new LinkedHashMap<>();
        private final Set<String> statusChanged = ConcurrentHashMap.newKeySet();

        Rendered(MeasuresChanged changed, Set<Stream> open) {
            Instant now = clock.instant();
            Set<String> watched = new HashSet<>();
            open.forEach(stream -> {
                if (stream.measureId() != null) {
                    watched.add(stream.measureId());
                }
            });
            for (Transition transition : changed.transitions()) {
                statusChanged.add(transition.measureId());
            }
            for (MeasureRow row : changed.rows()) {
                MeasureCard card = MeasureCard.of(row, now);
                Map<String, String> rendered = new HashMap<>();
                rendered.put("row", render("row", Map.of("m", card)));
                if (watched.contains(row.measureId)) {
                    rendered.put("summary", render("summary", Map.of("m", card)));
                    rendered.put(
                            "timeline",
                            render(
                                    "timeline",
                                    Map.of("timeline", timeline.of(row.measureId, null), "measureId", row.measureId)));
                }
                views.put(row.measureId, rendered);
            }
        }

        Optional<String> payloadFor(Stream stream) {
            List<Map<String, Object>> measures = new ArrayList<>();
            views.forEach((id, rendered) -> {
                if (stream.wants(id)) {
                    Map<String, Object> measure = new LinkedHashMap<>();
                    measure.put("id", id);
                    measure.put("statusChanged", statusChanged.contains(id));
                    measure.put("views", rendered);
                    measures.add(measure);
                }
            });
            if (measures.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(json.writeValueAsString(Map.of("measures", measures)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a rendered change cannot be written as JSON", e);
            }
        }

        private String render(String fragment, Map<String, Object> variables) {
            return templates
                    .process("fragments", Set.of(fragment), new Context(Locale.US, variables))
                    .strip();
        }
    }
}
