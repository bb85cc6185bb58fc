package org.tracker.core.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.ReportKind;

/**
 * A measure's next deadline, and the rules of every kind in one place: what each kind's deadline is, and when it is
 * near or past. A deadline's day is a day in Washington; it has passed once that day is over there.
 *
 * @param label what happens on that day, as subscribers read it ("15-day congressional review closes")
 */
public record Deadline(LocalDate on, String label) {

    /** Appropriations acts give Israel's FMF "within 30 days of enactment". */
    static final int FMF_DISBURSEMENT_DAYS = 30;

    /** A row's next deadline, if it has one. */
    public static Optional<Deadline> of(MeasureRow row) {
        return row.nextDeadline == null
                ? Optional.empty()
                : Optional.of(new Deadline(
                        row.nextDeadline, row.nextDeadlineLabel == null ? "deadline" : row.nextDeadlineLabel));
    }

    /** AECA §36(b): Congress reviews a notified sale for 15 days (close allies) or 30. */
    static Deadline reviewCloses(LocalDate on, int reviewDays) {
        return new Deadline(on, reviewDays + "-day congressional review closes");
    }

    static Deadline waiverExpires(LocalDate on) {
        return new Deadline(on, "waiver expires");
    }

    static Deadline reportDue(LocalDate on, ReportKind kind) {
        return new Deadline(on, kind.name().toLowerCase(Locale.ROOT) + " due");
    }

    /** A year's appropriated FMF is due to be disbursed 30 days after the appropriation took effect. */
    static LocalDate fmfDisbursementDue(Instant appropriated) {
        return CongressTime.dayOf(appropriated).plusDays(FMF_DISBURSEMENT_DAYS);
    }

    /**
     * An MoU in force: the earliest of its tranches' open disbursement dates and the end of its period (30 September
     * of its last fiscal year).
     *
     * @param disbursementsDue by tranche ("FY2025 FMF"), the day its disbursement is due
     */
    static Deadline mou(int lastFiscalYear, Map<String, LocalDate> disbursementsDue) {
        Deadline next = new Deadline(LocalDate.of(lastFiscalYear, 9, 30), "MoU period ends (FY" + lastFiscalYear + ")");
        for (Map.Entry<String, LocalDate> tranche : disbursementsDue.entrySet()) {
            if (tranche.getValue().isBefore(next.on)) {
                next = new Deadline(
                        tranche.getValue(),
                        tranche.getKey() + " disbursement due (" + FMF_DISBURSEMENT_DAYS
                                + " days after appropriation)");
            }
        }
        return next;
    }

    /** The moment the deadline's day is over in Washington. */
    public Instant passesAt() {
        return CongressTime.endOf(on);
    }

    public boolean hasPassedAt(Instant now) {
        return !now.isBefore(passesAt());
    }

    /** Whole days from the day it is in Washington to the deadline's: 0 on the day, negative once past. */
    public int daysLeftAt(Instant now) {
        return (int) ChronoUnit.DAYS.between(CongressTime.dayOf(now), on);
    }
}
