package org.tracker.api.pages;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tracker.api.measures.MeasureAsOf;
import org.tracker.api.measures.MeasureTable;
import org.tracker.api.web.UnknownMeasure;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.MeasureIds;
import org.tracker.core.measure.AsOf;
import org.tracker.core.measure.MeasureRow;

/**
 * A measure's page: where it stands, and every fact of its history with when it took effect and when the tracker
 * learned it. With {@code asOf} and {@code effectiveOn} it shows the measure as the tracker knew it then, from the
 * store, as the API's answers for a past moment do.
 */
@Controller
class MeasurePage {

    private final MeasureTable measures;
    private final MeasureTimeline timeline;
    private final MeasureParticulars particulars;
    private final MeasureAsOf asOf;
    private final Clock clock;

    MeasurePage(
            MeasureTable measures,
            MeasureTimeline timeline,
            MeasureParticulars particulars,
            MeasureAsOf asOf,
            Clock clock) {
        this.measures = measures;
        this.timeline = timeline;
        this.particulars = particulars;
        this.asOf = asOf;
        this.clock = clock;
    }

    @GetMapping("/measures/{measureId}")
    String show(
            @PathVariable String measureId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String effectiveOn,
            Model model) {
        MeasureIds.requireCanonical(measureId, "measureId");
        Instant now = clock.instant();
        AsOf moment = MeasureAsOf.moment(blankToNull(asOf), blankToNull(effectiveOn), now);
        MeasureRow row = moment == null
                ? measures.find(measureId).orElseThrow(() -> new UnknownMeasure(measureId))
                : this.asOf.of(measureId, moment).orElseThrow(() -> new UnknownMeasure(measureId, moment));
        model.addAttribute("measure", MeasureCard.of(row, seenAt(moment, now)));
        model.addAttribute("timeline", timeline.of(measureId, moment));
        model.addAttribute("measureId", measureId);
        model.addAttribute("particulars", particulars.of(row, moment));
        model.addAttribute("asOf", blankToNull(asOf));
        model.addAttribute("effectiveOn", blankToNull(effectiveOn));
        model.addAttribute("live", moment == null);
        return "measure";
    }

    /** The moment a past page's countdowns count from. */
    private static Instant seenAt(AsOf moment, Instant now) {
        if (moment == null) {
            return now;
        }
        if (moment.knownAt() != null) {
            return moment.knownAt();
        }
        return CongressTime.endOf(moment.effectiveOn()).minusNanos(1);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
