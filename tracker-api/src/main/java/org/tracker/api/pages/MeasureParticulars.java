package org.tracker.api.pages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.tracker.api.measures.MeasureEvents;
import org.tracker.api.measures.MeasureTable;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillType;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.MeasureCitation;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.MeasureKind;
import org.tracker.core.api.MeasureStatus;
import org.tracker.core.api.Member;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;
import org.tracker.core.measure.AsOf;
import org.tracker.core.measure.MeasureRow;

/**
 * What a measure's page shows beyond its summary, by kind, from its facts: a bill's sponsor, cosponsors and progress;
 * an arms sale's resolutions of disapproval; an MoU's tranche ledger.
 */
@Component
class MeasureParticulars {

    private final MeasureEvents events;
    private final MeasureTable measures;

    MeasureParticulars(MeasureEvents events, MeasureTable measures) {
        this.events = events;
        this.measures = measures;
    }

    /** A member who sponsored or cosponsors a bill. */
    public record Sponsor(String name, String party, String state, String bioguideId, String since, boolean original) {

        static Sponsor of(Member member, String since, boolean original) {
            return new Sponsor(member.name(), member.party(), member.state(), member.bioguideId(), since, original);
        }
    }

    /** One step of a bill's path: done, where it stands, a setback there, or still ahead. */
    public record Step(String name, String state) {}

    /** A resolution of disapproval filed against an arms sale, as it stands. */
    public record Resolution(String id, String citation, String status, boolean setback, String voteId, String vote) {}

    /** One fiscal year's line of an MoU's ledger, in dollars; null where nothing is recorded. */
    public record TrancheLine(
            int fiscalYear,
            String category,
            Long scheduled,
            Long appropriated,
            Long obligated,
            Long disbursed,
            Long offshoreProcurement) {

        /** The share of the scheduled amount paid out so far, 0 to 100. */
        public int disbursedPercent() {
            return scheduled == null || scheduled == 0 || disbursed == null
                    ? 0
                    : (int) Math.min(100, Math.round(100.0 * disbursed / scheduled));
        }
    }

    public record Particulars(
            Sponsor sponsor,
            List<Sponsor> cosponsors,
            List<Step> progress,
            List<Resolution> resolutions,
            List<TrancheLine> ledger) {}

    Particulars of(MeasureRow row, AsOf moment) {
        List<MeasureEvent> facts = events.ownOf(row.measureId).stream()
                .map(DomainEventMessage::getPayload)
                .map(MeasureEvent.class::cast)
                .filter(fact -> moment == null || moment.counts(fact))
                .toList();
        Sponsor sponsor = null;
        Map<String, Sponsor> cosponsors = new LinkedHashMap<>();
        Map<String, TrancheLine> ledger = new TreeMap<>();
        for (MeasureEvent fact : facts) {
            if (fact instanceof BillIntroduced introduced && introduced.sponsor() != null) {
                sponsor = Sponsor.of(
                        introduced.sponsor(), introduced.introducedOn().toString(), true);
            } else if (fact instanceof CosponsorAdded added) {
                cosponsors.put(
                        added.cosponsor().bioguideId(),
                        Sponsor.of(added.cosponsor(), String.valueOf(added.sponsoredOn()), added.original()));
            } else if (fact instanceof CosponsorWithdrawn withdrawn) {
                cosponsors.remove(withdrawn.bioguideId());
            } else if (fact instanceof TrancheScheduled scheduled) {
                ledger.merge(
                        key(scheduled.fiscalYear(), scheduled.category()),
                        new TrancheLine(
                                scheduled.fiscalYear(),
                                words(scheduled.category()),
                                scheduled.amountUsd(),
                                null,
                                null,
                                null,
                                scheduled.offshoreProcurementUsd()),
                        MeasureParticulars::scheduled);
            } else if (fact instanceof TrancheFundingRecorded funding) {
                ledger.merge(
                        key(funding.fiscalYear(), funding.category()),
                        stage(funding.fiscalYear(), funding.category(), funding.stage(), funding.amountUsd()),
                        MeasureParticulars::funded);
            }
        }
        return new Particulars(
                sponsor,
                List.copyOf(cosponsors.values()),
                progress(row),
                resolutions(row),
                List.copyOf(ledger.values()));
    }

    private static String key(int fiscalYear, FundingCategory category) {
        return fiscalYear + " " + category.ordinal();
    }

    private static TrancheLine stage(int fiscalYear, FundingCategory category, FundingStage stage, long amount) {
        Map<FundingStage, Long> amounts = new EnumMap<>(FundingStage.class);
        amounts.put(stage, amount);
        return new TrancheLine(
                fiscalYear,
                words(category),
                null,
                amounts.get(FundingStage.APPROPRIATED),
                amounts.get(FundingStage.OBLIGATED),
                amounts.get(FundingStage.DISBURSED),
                null);
    }

    private static TrancheLine scheduled(TrancheLine line, TrancheLine schedule) {
        return new TrancheLine(
                line.fiscalYear(),
                line.category(),
                schedule.scheduled(),
                line.appropriated(),
                line.obligated(),
                line.disbursed(),
                schedule.offshoreProcurement());
    }

    /** A later figure for a stage replaces the earlier one, as the projection's funding map does. */
    private static TrancheLine funded(TrancheLine line, TrancheLine funding) {
        return new TrancheLine(
                line.fiscalYear(),
                line.category(),
                line.scheduled(),
                funding.appropriated() != null ? funding.appropriated() : line.appropriated(),
                funding.obligated() != null ? funding.obligated() : line.obligated(),
                funding.disbursed() != null ? funding.disbursed() : line.disbursed(),
                line.offshoreProcurement());
    }

    private static String words(FundingCategory category) {
        return category == FundingCategory.FMF ? "FMF" : "Missile defense";
    }

    /**
     * A bill's path in the shared vocabulary: introduced, committee, each chamber its form needs, the President, law.
     * A failure or a veto marks the step where it happened.
     */
    static List<Step> progress(MeasureRow row) {
        if (!"BILL".equals(row.kind) || row.status == null) {
            return List.of();
        }
        BillType type;
        try {
            type = BillId.parse(row.measureId).type();
        } catch (IllegalArgumentException notABill) {
            return List.of();
        }
        BillStatus status = (BillStatus) MeasureStatus.of(MeasureKind.BILL, row.status);
        String origin = type.originChamber().name().equals("HOUSE") ? "House" : "Senate";
        String other = origin.equals("House") ? "Senate" : "House";
        boolean simple = type.form() == BillType.Form.SIMPLE_RESOLUTION;
        boolean concurrent = type.form() == BillType.Form.CONCURRENT_RESOLUTION;
        List<String> names = new ArrayList<>(List.of("Introduced", "Committee", origin));
        if (!simple) {
            names.add(other);
        }
        if (!simple && !concurrent) {
            names.add("President");
            names.add("Law");
        }
        int reached = reached(status, origin, names);
        boolean setback = StatusText.isSetback(status.code());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String state = i < reached ? "done" : i == reached ? (setback ? "setback" : "current") : "ahead";
            steps.add(new Step(names.get(i), state));
        }
        return steps;
    }

    /** The index of the step the status stands at. */
    private static int reached(BillStatus status, String origin, List<String> names) {
        String code = status.code();
        int last = names.size() - 1;
        if (code.startsWith("ENACTED")
                || code.startsWith("PASSED:SIMPLERES")
                || code.startsWith("PASSED:CONCURRENTRES")) {
            return last + 1;
        }
        if (code.equals("PASSED:BILL")
                || code.startsWith("PASSED:CONSTAMEND")
                || code.startsWith("CONFERENCE")
                || code.startsWith("PASS_BACK")) {
            return names.indexOf("President") < 0 ? last + 1 : names.indexOf("President");
        }
        if (code.startsWith("VETOED") || code.equals("PROV_KILL:VETO")) {
            return names.indexOf("President");
        }
        if (code.startsWith("PASS_OVER")) {
            return 3;
        }
        if (code.startsWith("FAIL:SECOND")) {
            return 3;
        }
        if (code.startsWith("FAIL:ORIGINATING") || code.startsWith("PROV_KILL")) {
            return 2;
        }
        if (code.equals("REPORTED")) {
            return 2;
        }
        if (code.equals("REFERRED")) {
            return 1;
        }
        return 0;
    }

    private List<Resolution> resolutions(MeasureRow row) {
        if (!(row.details.get("disapprovalResolutions") instanceof List<?> ids)) {
            return List.of();
        }
        List<Resolution> resolutions = new ArrayList<>();
        for (Object id : ids) {
            String resolutionId = String.valueOf(id);
            Optional<MeasureRow> found = measures.find(resolutionId);
            resolutions.add(found.map(r -> new Resolution(
                            resolutionId,
                            MeasureCitation.of(resolutionId, r.title),
                            StatusText.of(r.status),
                            StatusText.isSetback(r.status),
                            r.latestVoteId,
                            r.latestVoteId == null
                                    ? null
                                    : r.latestVoteQuestion + ": " + r.latestVoteResult + ", " + r.latestVoteYea + "–"
                                            + r.latestVoteNay))
                    .orElse(new Resolution(
                            resolutionId,
                            MeasureCitation.of(resolutionId, resolutionId),
                            "Not yet recorded",
                            false,
                            null,
                            null)));
        }
        return resolutions;
    }
}
