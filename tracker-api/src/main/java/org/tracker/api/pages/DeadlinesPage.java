package org.tracker.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tracker.api.web.InvalidRequest;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.MeasureKind;
import org.tracker.notify.NotifyProperties;

/**
 * Every deadline of the next 90 days and of the last 30, by week, and the same as an iCalendar feed that a calendar
 * application fetches without signing in. Days are Washington's: a deadline passes when its day ends there.
 */
@Controller
class DeadlinesPage {

    static final int DAYS_AHEAD = 90;
    static final int DAYS_BEHIND = 30;

    private final DeadlineList deadlines;
    private final Clock clock;
    private final String publicUrl;

    DeadlinesPage(DeadlineList deadlines, Clock clock, NotifyProperties notify) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.publicUrl = notify.publicUrl().replaceAll("/+$", "");
    }

    /** The deadlines of one week, Monday to Sunday. */
    public record Week(LocalDate monday, List<DeadlineList.Entry> entries) {}

    @GetMapping("/deadlines")
    String page(@RequestParam(required = false) String kind, Model model) {
        String filter = kind(kind);
        LocalDate today = CongressTime.dayOf(clock.instant());
        Map<LocalDate, List<DeadlineList.Entry>> byWeek = new LinkedHashMap<>();
        for (DeadlineList.Entry entry :
                deadlines.between(today.minusDays(DAYS_BEHIND), today.plusDays(DAYS_AHEAD), filter)) {
            byWeek.computeIfAbsent(
                            entry.on().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                            monday -> new ArrayList<>())
                    .add(entry);
        }
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((monday, entries) -> weeks.add(new Week(monday, entries)));
        Map<String, String> kinds = new LinkedHashMap<>();
        for (MeasureKind known : MeasureKind.values()) {
            if (known != MeasureKind.VOTE) {
                kinds.put(known.name(), MeasureCard.kindText(known.name()));
            }
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("today", today);
        model.addAttribute("kind", filter);
        model.addAttribute("kinds", kinds);
        model.addAttribute("feed", feedLink(filter));
        return "deadlines";
    }

    @GetMapping("/deadlines.ics")
    void calendar(@RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
        String filter = kind(kind);
        Instant now = clock.instant();
        LocalDate today = CongressTime.dayOf(now);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"tracker-deadlines.ics\"");
        Ics.write(
                response.getWriter(),
                "tracker deadlines" + (filter == null ? "" : " (" + MeasureCard.kindText(filter) + ")"),
                publicUrl,
                deadlines.between(today.minusDays(DAYS_BEHIND), today.plusDays(DAYS_AHEAD), filter),
                now);
    }

    private static String feedLink(String kind) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/deadlines.ics");
        if (kind != null) {
            link.queryParam("kind", kind);
        }
        return link.build().toUriString();
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String upper = kind.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MeasureKind known : MeasureKind.values()) {
            if (known.name().equals(upper) && known != MeasureKind.VOTE) {
                return upper;
            }
        }
        throw new InvalidRequest("'kind' is one of BILL, ARMS_SALE, WAIVER, MOU, REPORT, not '"
                + (kind.length() > 20 ? kind.substring(0, 20) + "…" : kind) + "'.");
    }
}
