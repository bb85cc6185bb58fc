package org.tracker.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tracker.api.measures.MeasureQuery;
import org.tracker.api.measures.MeasureTable;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.measure.MeasureRow;

/** The home page: every tracked measure, filtered, paged and counted, and the same list as CSV. */
@Controller
class MeasuresPage {

    /** The CSV export stops here: beyond it, narrow the filter. */
    static final int CSV_MAX_ROWS = 20_000;

    private final MeasureTable measures;
    private final Clock clock;

    MeasuresPage(MeasureTable measures, Clock clock) {
        this.measures = measures;
        this.clock = clock;
    }

    @GetMapping("/")
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String chamber,
            @RequestParam(required = false) String congress,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page,
            Model model) {
        MeasureFilter filter =
                MeasureFilter.of(FactCalendar.at(clock.instant()), kind, status, chamber, congress, q, page);
        MeasureQuery query = filter.query(MeasureFilter.PAGE_SIZE);
        long total = measures.count(query);
        Instant now = clock.instant();
        List<MeasureCard> cards = measures.numberedPage(query, filter.page() - 1).stream()
                .map(row -> MeasureCard.of(row, now))
                .toList();
        long pages = Math.max(1, (total + MeasureFilter.PAGE_SIZE - 1) / MeasureFilter.PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("measures", cards);
        model.addAttribute("total", total);
        model.addAttribute("page", filter.page());
        model.addAttribute("pages", pages);
        model.addAttribute("first", total == 0 ? 0 : (long) (filter.page() - 1) * MeasureFilter.PAGE_SIZE + 1);
        model.addAttribute("last", (long) (filter.page() - 1) * MeasureFilter.PAGE_SIZE + cards.size());
        model.addAttribute("previousLink", filter.page() > 1 ? filter.link("/", filter.page() - 1) : null);
        model.addAttribute("nextLink", filter.page() < pages ? filter.link("/", filter.page() + 1) : null);
        model.addAttribute("csvLink", filter.link("/measures.csv", null));
        Map<String, String> kinds = new LinkedHashMap<>();
        for (MeasureKind known : MeasureKind.values()) {
            kinds.put(known.name(), MeasureCard.kindText(known.name()));
        }
        model.addAttribute("kinds", kinds);
        return "measures";
    }

    @GetMapping("/measures.csv")
    void csv(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String chamber,
            @RequestParam(required = false) String congress,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        MeasureFilter filter =
                MeasureFilter.of(FactCalendar.at(clock.instant()), kind, status, chamber, congress, q, null);
        Instant now = clock.instant();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"measures.csv\"");
        Writer out = response.getWriter();
        Csv.row(
                out,
                "id",
                "citation",
                "title",
                "kind",
                "chamber",
                "congress",
                "status",
                "status since",
                "last action date",
                "last action",
                "next deadline",
                "deadline",
                "latest vote",
                "latest vote result",
                "latest vote tally");
        int size = 500;
        for (int page = 0; page * size < CSV_MAX_ROWS; page++) {
            List<MeasureRow> rows = measures.numberedPage(filter.query(size), page);
            for (MeasureRow row : rows) {
                MeasureCard card = MeasureCard.of(row, now);
                Csv.row(
                        out,
                        card.id(),
                        card.citation(),
                        card.title(),
                        card.kind(),
                        card.chamber(),
                        card.congress(),
                        card.status(),
                        card.statusSince(),
                        card.lastActionDate(),
                        card.lastAction(),
                        card.deadline(),
                        card.deadlineLabel(),
                        card.voteId(),
                        card.voteResult(),
                        card.voteTally());
            }
            if (rows.size() < size) {
                break;
            }
        }
        out.flush();
    }
}
