package org.tracker.core.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.ArmsSaleStatus;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.DisapprovalResolutionFiled;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.LawRecorded;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MeasureStatus;
import org.tracker.core.api.MouAmended;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.MouStatus;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.api.ReportStatus;
import org.tracker.core.api.ReportSubmitted;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;
import org.tracker.core.api.VoteStatus;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.api.WaiverExpired;
import org.tracker.core.api.WaiverInvoked;
import org.tracker.core.api.WaiverProvisionRecorded;
import org.tracker.core.api.WaiverRenewed;
import org.tracker.core.api.WaiverRevoked;
import org.tracker.core.api.WaiverStatus;

/**
 * The rules by which each kind of event changes its own measure's row: one typed handler per event type. Statuses
 * are set through {@link Change#status}, which is where a {@link Transition} is noticed; {@link MeasureFold} decides
 * whether an event applies at all.
 */
final class MeasureProjector {

    private static final String DISBURSEMENTS_DUE = "disbursementsDue";
    private static final String LAST_FISCAL_YEAR = "lastFiscalYear";

    private static final Map<Class<? extends MeasureEvent>, Handler<? extends MeasureEvent>> HANDLERS = new HashMap<>();

    private MeasureProjector() {}

    /** How one type of event changes its measure's row. */
    private interface Handler<E extends MeasureEvent> {
        void apply(E event, Change change);
    }

    private static <E extends MeasureEvent> void on(Class<E> type, Handler<E> handler) {
        HANDLERS.put(type, handler);
    }

    /** A row being changed by one event, and the status change it makes, if any. */
    private static final class Change {
        final MeasureRow row;
        private final String kindBefore;
        private final String statusBefore;
        Transition transition;

        /** Keeps the row's status as it was; most events set none, so it is read as a type only when one does. */
        Change(MeasureRow row) {
            this.row = row;
            this.kindBefore = row.kind;
            this.statusBefore = row.status;
        }

        void status(MeasureStatus status, LocalDate since) {
            MeasureStatus before = kindBefore == null || statusBefore == null
                    ? null
                    : MeasureStatus.of(MeasureKind.valueOf(kindBefore), statusBefore);
            row.status = status.code();
            row.statusSince = since;
            if (before != status) {
                transition = new Transition(row.measureId, before, status, since);
            }
        }

        void status(MeasureStatus status) {
            status(status, row.statusSince);
        }

        void end(MeasureStatus status, LocalDate on) {
            status(status, on);
            setDeadline(row, null);
        }
    }

    /** Applies an event to its own measure's row. */
    static Optional<Transition> project(MeasureEvent event, MeasureRow row) {
        @SuppressWarnings("unchecked")
        Handler<MeasureEvent> handler = (Handler<MeasureEvent>) HANDLERS.get(event.getClass());
        Change change = new Change(row);
        if (handler != null) {
            handler.apply(event, change);
        }
        return Optional.ofNullable(change.transition);
    }

    /** @return whether the roll call is now the latest vote on the measure it was on */
    static boolean recordLatestVote(MeasureRow votedOn, RollCallVoteRecorded vote) {
        boolean later = votedOn.latestVoteDate == null
                || vote.date().isAfter(votedOn.latestVoteDate)
                || (vote.date().equals(votedOn.latestVoteDate) && vote.voteId().compareTo(votedOn.latestVoteId) > 0);
        if (later) {
            setLatestVote(votedOn, vote.voteId(), vote.date(), vote.question(), vote.result(), vote.totals());
        }
        return later;
    }

    static {
        on(BillIntroduced.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.BILL.name();
            row.title = e.title();
            row.chamber = e.type().originChamber().name();
            row.congress = e.congress();
            change.status(BillStatus.INTRODUCED, e.introducedOn());
            row.details.put("billType", e.type().code());
            row.details.put("number", e.number());
            row.details.put("introducedOn", e.introducedOn().toString());
            row.details.put("sponsor", e.sponsor());
        });
        on(BillTitleAssigned.class, (e, change) -> {
            if (e.titleType().toLowerCase(Locale.ROOT).startsWith("display title")) {
                change.row.title = e.title();
            }
        });
        on(CosponsorAdded.class, (e, change) -> change.row.details.merge("cosponsors", 1, (a, b) -> (Integer) a + 1));
        on(
                CosponsorWithdrawn.class,
                (e, change) -> change.row.details.merge("cosponsors", 0, (a, b) -> (Integer) a - 1));
        on(BillActionRecorded.class, (e, change) -> {
            MeasureRow row = change.row;
            if (row.lastActionDate == null || !e.action().date().isBefore(row.lastActionDate)) {
                row.lastActionDate = e.action().date();
                row.lastActionText = e.action().text();
            }
        });
        on(BillStatusChanged.class, (e, change) -> change.status(e.to(), e.since()));
        on(LawRecorded.class, (e, change) -> change.row.details.put("law", e.lawType() + " " + e.lawNumber()));
        on(RollCallVoteRecorded.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.VOTE.name();
            row.title = e.question();
            row.chamber = e.chamber().name();
            row.congress = e.congress();
            change.status(VoteStatus.of(e.passed()), e.date());
            row.details.put("category", e.category().name());
            row.details.put("votedOn", e.votedOn());
            row.details.put("session", e.session());
            row.details.put("rollNumber", e.rollNumber());
            setLatestVote(row, e.voteId(), e.date(), e.question(), e.result(), e.totals());
        });
        on(RollCallVoteCorrected.class, (e, change) -> {
            MeasureRow row = change.row;
            change.status(VoteStatus.of(e.passed()));
            setLatestVote(row, e.voteId(), row.latestVoteDate, row.latestVoteQuestion, e.result(), e.totals());
        });
        on(ArmsSaleNotified.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.ARMS_SALE.name();
            row.title = "Proposed sale to " + e.recipient() + ": " + e.articles();
            change.status(ArmsSaleStatus.UNDER_REVIEW, e.notifiedOn());
            setDeadline(row, Deadline.reviewCloses(e.reviewClosesOn(), e.reviewDays()));
            row.details.put("transmittalNumber", e.transmittalNumber());
            row.details.put("recipient", e.recipient());
            row.details.put("valueUsd", e.valueUsd());
        });
        on(
                DisapprovalResolutionFiled.class,
                (e, change) -> addToList(change.row, "disapprovalResolutions", e.resolutionId()));
        on(WaiverProvisionRecorded.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.WAIVER.name();
            row.title = e.title();
            change.status(WaiverStatus.AVAILABLE);
            row.details.put("statute", e.statute().name());
            row.details.put("citation", e.citation());
        });
        on(WaiverInvoked.class, (e, change) -> {
            change.status(WaiverStatus.IN_EFFECT, e.effectiveOn());
            setDeadline(change.row, Deadline.waiverExpires(e.expiresOn()));
            change.row.details.put("subject", e.subject());
        });
        on(WaiverRenewed.class, (e, change) -> setDeadline(change.row, Deadline.waiverExpires(e.expiresOn())));
        on(WaiverExpired.class, (e, change) -> change.end(WaiverStatus.EXPIRED, e.expiredOn()));
        on(WaiverRevoked.class, (e, change) -> change.end(WaiverStatus.REVOKED, e.revokedOn()));
        on(MouSigned.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.MOU.name();
            row.title = e.title();
            change.status(MouStatus.IN_FORCE, e.signedOn());
            row.details.put("fiscalYears", "FY" + e.firstFiscalYear() + "-FY" + e.lastFiscalYear());
            row.details.put(LAST_FISCAL_YEAR, e.lastFiscalYear());
            row.details.put("totalsUsd", e.totalsUsd());
            setMouDeadline(row);
        });
        on(
                TrancheScheduled.class,
                (e, change) ->
                        change.row.details.merge("scheduledUsd", e.amountUsd(), (a, b) -> toLong(a) + toLong(b)));
        on(TrancheFundingRecorded.class, (e, change) -> {
            MeasureRow row = change.row;
            @SuppressWarnings("unchecked")
            Map<String, Object> funding =
                    (Map<String, Object>) row.details.computeIfAbsent("funding", k -> new TreeMap<>());
            funding.put("FY" + e.fiscalYear() + " " + e.category() + " " + e.stage(), e.amountUsd());
            if (e.category() == FundingCategory.FMF) {
                noteDisbursementDue(row, e);
            }
            if (MouStatus.IN_FORCE.code().equals(row.status)) {
                setMouDeadline(row);
            }
        });
        on(
                MouAmended.class,
                (e, change) -> addToList(change.row, "amendments", e.amendedOn() + ": " + e.description()));
        on(MouExpired.class, (e, change) -> change.end(MouStatus.EXPIRED, e.expiredOn()));
        on(ReportMandated.class, (e, change) -> {
            MeasureRow row = change.row;
            row.kind = MeasureKind.REPORT.name();
            row.title = e.title();
            change.status(ReportStatus.DUE, CongressTime.dayOf(e.provenance().effectiveAt()));
            setDeadline(row, Deadline.reportDue(e.dueOn(), e.kind()));
            row.details.put("mandatedBy", e.mandatedBy());
            row.details.put("recipient", e.recipient());
        });
        on(
                ReportSubmitted.class,
                (e, change) ->
                        change.end(e.late() ? ReportStatus.SUBMITTED_LATE : ReportStatus.SUBMITTED, e.submittedOn()));
    }

    private static void setLatestVote(
            MeasureRow row, String voteId, LocalDate date, String question, String result, VoteTotals totals) {
        row.latestVoteId = voteId;
        row.latestVoteDate = date;
        row.latestVoteQuestion = question;
        row.latestVoteResult = result;
        row.latestVoteYea = totals.yea();
        row.latestVoteNay = totals.nay();
        row.latestVotePresent = totals.present();
        row.latestVoteNotVoting = totals.notVoting();
    }

    /** @param deadline null when the measure has none */
    private static void setDeadline(MeasureRow row, Deadline deadline) {
        row.nextDeadline = deadline == null || deadline.on() == null ? null : deadline.on();
        row.nextDeadlineLabel = row.nextDeadline == null ? null : deadline.label();
    }

    /** A year's appropriated FMF is due to be disbursed until its disbursement is recorded. */
    private static void noteDisbursementDue(MeasureRow row, TrancheFundingRecorded e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> due =
                (Map<String, Object>) row.details.computeIfAbsent(DISBURSEMENTS_DUE, k -> new TreeMap<>());
        String tranche = "FY" + e.fiscalYear() + " FMF";
        if (e.stage() == FundingStage.APPROPRIATED) {
            due.putIfAbsent(
                    tranche,
                    Deadline.fmfDisbursementDue(e.provenance().effectiveAt()).toString());
        } else if (e.stage() == FundingStage.DISBURSED) {
            due.remove(tranche);
        }
        if (due.isEmpty()) {
            row.details.remove(DISBURSEMENTS_DUE);
        }
    }

    /** An MoU's deadline, from what its row keeps: its last fiscal year and its tranches' open disbursement dates. */
    private static void setMouDeadline(MeasureRow row) {
        int lastFiscalYear = ((Number) row.details.get(LAST_FISCAL_YEAR)).intValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> due = (Map<String, Object>) row.details.getOrDefault(DISBURSEMENTS_DUE, Map.of());
        Map<String, LocalDate> disbursementsDue = new TreeMap<>();
        due.forEach((tranche, on) -> disbursementsDue.put(tranche, LocalDate.parse(String.valueOf(on))));
        setDeadline(row, Deadline.mou(lastFiscalYear, disbursementsDue));
    }

    private static void addToList(MeasureRow row, String key, String value) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) row.details.computeIfAbsent(key, k -> new ArrayList<String>());
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static long toLong(Object value) {
        return ((Number) value).longValue();
    }
}
