package org.tracker.core.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.DisapprovalResolutionFiled;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.LawRecorded;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MouAmended;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.api.ReportSubmitted;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.api.WaiverExpired;
import org.tracker.core.api.WaiverInvoked;
import org.tracker.core.api.WaiverProvisionRecorded;
import org.tracker.core.api.WaiverRenewed;
import org.tracker.core.api.WaiverRevoked;

/**
 * Applies events to measure rows. An event changes its own measure's row only if its sequence number is past the
 * last one applied there; a roll call also updates the latest vote of the measure it was on, which is idempotent by
 * itself (the later vote wins, and the same vote twice writes the same values).
 */
public final class MeasureProjector {

    /** Where the projector finds rows: loaded from the table, or new. */
    public interface Rows extends Function<String, MeasureRow> {}

    private static final String DISBURSEMENTS_DUE = "disbursementsDue";
    private static final int DISBURSEMENT_DAYS = 30;

    private MeasureProjector() {}

    /** @return the ids of the rows it changed */
    public static List<String> apply(MeasureEvent event, long sequence, Rows rows) {
        List<String> changed = new ArrayList<>();
        MeasureRow own = rows.apply(event.measureId());
        if (sequence > own.lastSequence) {
            project(event, own);
            own.lastSequence = sequence;
            own.updatedAt = event.provenance().recordedAt();
            if (own.source == null) {
                own.source = event.provenance().source();
            }
            changed.add(own.measureId);
        }
        if (event instanceof RollCallVoteRecorded vote && vote.votedOn() != null) {
            MeasureRow votedOn = rows.apply(vote.votedOn());
            if (isLaterVote(votedOn, vote)) {
                setLatestVote(votedOn, vote.voteId(), vote.date(), vote.question(), vote.result(), vote.totals());
                changed.add(votedOn.measureId);
            }
        }
        return changed;
    }

    private static boolean isLaterVote(MeasureRow row, RollCallVoteRecorded vote) {
        return row.latestVoteDate == null
                || vote.date().isAfter(row.latestVoteDate)
                || (vote.date().equals(row.latestVoteDate) && vote.voteId().compareTo(row.latestVoteId) > 0);
    }

    private static void project(MeasureEvent event, MeasureRow row) {
        if (event instanceof BillIntroduced e) {
            row.kind = MeasureKind.BILL.name();
            row.title = e.title();
            row.chamber = e.type().originChamber().name();
            row.congress = e.congress();
            row.status = "INTRODUCED";
            row.statusSince = e.introducedOn();
            row.details.put("billType", e.type().code());
            row.details.put("number", e.number());
            row.details.put("introducedOn", e.introducedOn().toString());
            row.details.put("sponsor", e.sponsor());
        } else if (event instanceof BillTitleAssigned e) {
            if (e.titleType().toLowerCase(java.util.Locale.ROOT).startsWith("display title")) {
                row.title = e.title();
            }
        } else if (event instanceof CosponsorAdded e) {
            row.details.merge("cosponsors", 1, (a, b) -> (Integer) a + 1);
        } else if (event instanceof CosponsorWithdrawn e) {
            row.details.merge("cosponsors", 0, (a, b) -> (Integer) a - 1);
        } else if (event instanceof BillActionRecorded e) {
            if (row.lastActionDate == null || !e.action().date().isBefore(row.lastActionDate)) {
                row.lastActionDate = e.action().date();
                row.lastActionText = e.action().text();
            }
        } else if (event instanceof BillStatusChanged e) {
            row.status = e.to().code();
            row.statusSince = e.since();
        } else if (event instanceof LawRecorded e) {
            row.details.put("law", e.lawType() + " " + e.lawNumber());
        } else if (event instanceof RollCallVoteRecorded e) {
            row.kind = MeasureKind.VOTE.name();
            row.title = e.question();
            row.chamber = e.chamber().name();
            row.congress = e.congress();
            row.status = e.passed() ? "CARRIED" : "FAILED";
            row.statusSince = e.date();
            row.details.put("category", e.category().name());
            row.details.put("votedOn", e.votedOn());
            row.details.put("session", e.session());
            row.details.put("rollNumber", e.rollNumber());
            setLatestVote(row, e.voteId(), e.date(), e.question(), e.result(), e.totals());
        } else if (event instanceof RollCallVoteCorrected e) {
            row.status = e.passed() ? "CARRIED" : "FAILED";
            setLatestVote(row, e.voteId(), row.latestVoteDate, row.latestVoteQuestion, e.result(), e.totals());
        } else if (event instanceof ArmsSaleNotified e) {
            row.kind = MeasureKind.ARMS_SALE.name();
            row.title = "Proposed sale to " + e.recipient() + ": " + e.articles();
            row.status = "UNDER_REVIEW";
            row.statusSince = e.notifiedOn();
            setDeadline(row, e.reviewClosesOn(), e.reviewDays() + "-day congressional review closes");
            row.details.put("transmittalNumber", e.transmittalNumber());
            row.details.put("recipient", e.recipient());
            row.details.put("valueUsd", e.valueUsd());
        } else if (event instanceof DisapprovalResolutionFiled e) {
            addToList(row, "disapprovalResolutions", e.resolutionId());
        } else if (event instanceof WaiverProvisionRecorded e) {
            row.kind = MeasureKind.WAIVER.name();
            row.title = e.title();
            row.status = "AVAILABLE";
            row.details.put("statute", e.statute().name());
            row.details.put("citation", e.citation());
        } else if (event instanceof WaiverInvoked e) {
            row.status = "IN_EFFECT";
            row.statusSince = e.effectiveOn();
            setDeadline(row, e.expiresOn(), "waiver expires");
            row.details.put("subject", e.subject());
        } else if (event instanceof WaiverRenewed e) {
            setDeadline(row, e.expiresOn(), "waiver expires");
        } else if (event instanceof WaiverExpired e) {
            end(row, "EXPIRED", e.expiredOn());
        } else if (event instanceof WaiverRevoked e) {
            end(row, "REVOKED", e.revokedOn());
        } else if (event instanceof MouSigned e) {
            row.kind = MeasureKind.MOU.name();
            row.title = e.title();
            row.status = "IN_FORCE";
            row.statusSince = e.signedOn();
            row.details.put("fiscalYears", "FY" + e.firstFiscalYear() + "-FY" + e.lastFiscalYear());
            row.details.put("totalsUsd", e.totalsUsd());
            setMouDeadline(row);
        } else if (event instanceof TrancheScheduled e) {
            row.details.merge("scheduledUsd", e.amountUsd(), (a, b) -> toLong(a) + toLong(b));
        } else if (event instanceof TrancheFundingRecorded e) {
            @SuppressWarnings("unchecked")
            Map<String, Object> funding =
                    (Map<String, Object>) row.details.computeIfAbsent("funding", k -> new java.util.TreeMap<>());
            funding.put("FY" + e.fiscalYear() + " " + e.category() + " " + e.stage(), e.amountUsd());
            if (e.category() == FundingCategory.FMF) {
                noteDisbursementDue(row, e);
            }
            if ("IN_FORCE".equals(row.status)) {
                setMouDeadline(row);
            }
        } else if (event instanceof MouAmended e) {
            addToList(row, "amendments", e.amendedOn() + ": " + e.description());
        } else if (event instanceof MouExpired e) {
            end(row, "EXPIRED", e.expiredOn());
        } else if (event instanceof ReportMandated e) {
            row.kind = MeasureKind.REPORT.name();
            row.title = e.title();
            row.status = "DUE";
            row.statusSince = e.provenance()
                    .effectiveAt()
                    .atZone(java.time.ZoneOffset.UTC)
                    .toLocalDate();
            setDeadline(row, e.dueOn(), e.kind().name().toLowerCase(java.util.Locale.ROOT) + " due");
            row.details.put("mandatedBy", e.mandatedBy());
            row.details.put("recipient", e.recipient());
        } else if (event instanceof ReportSubmitted e) {
            end(row, e.late() ? "SUBMITTED_LATE" : "SUBMITTED", e.submittedOn());
        }
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

    private static void setDeadline(MeasureRow row, LocalDate date, String label) {
        row.nextDeadline = date;
        row.nextDeadlineLabel = date == null ? null : label;
    }

    /**
     * Appropriations acts give Israel's FMF "within 30 days of enactment": a year's appropriated FMF is due to be
     * disbursed 30 days after the appropriation took effect, until its disbursement is recorded.
     */
    private static void noteDisbursementDue(MeasureRow row, TrancheFundingRecorded e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> due =
                (Map<String, Object>) row.details.computeIfAbsent(DISBURSEMENTS_DUE, k -> new java.util.TreeMap<>());
        String tranche = "FY" + e.fiscalYear() + " FMF";
        if (e.stage() == FundingStage.APPROPRIATED) {
            LocalDate appropriated =
                    e.provenance().effectiveAt().atZone(AsOf.CONGRESS_TIME).toLocalDate();
            due.putIfAbsent(tranche, appropriated.plusDays(DISBURSEMENT_DAYS).toString());
        } else if (e.stage() == FundingStage.DISBURSED) {
            due.remove(tranche);
        }
        if (due.isEmpty()) {
            row.details.remove(DISBURSEMENTS_DUE);
        }
    }

    /** An MoU in force has the earliest of its tranches' disbursement dates and the end of its period as deadline. */
    private static void setMouDeadline(MeasureRow row) {
        String fiscalYears = String.valueOf(row.details.get("fiscalYears"));
        int lastFiscalYear = Integer.parseInt(fiscalYears.substring(fiscalYears.lastIndexOf("FY") + 2));
        LocalDate date = LocalDate.of(lastFiscalYear, 9, 30);
        String label = "MoU period ends (FY" + lastFiscalYear + ")";
        @SuppressWarnings("unchecked")
        Map<String, Object> due = (Map<String, Object>) row.details.getOrDefault(DISBURSEMENTS_DUE, Map.of());
        for (Map.Entry<String, Object> tranche : due.entrySet()) {
            LocalDate disbursement = LocalDate.parse(String.valueOf(tranche.getValue()));
            if (disbursement.isBefore(date)) {
                date = disbursement;
                label = tranche.getKey() + " disbursement due (30 days after appropriation)";
            }
        }
        setDeadline(row, date, label);
    }

    private static void end(MeasureRow row, String status, LocalDate on) {
        row.status = status;
        row.statusSince = on;
        setDeadline(row, null, null);
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
