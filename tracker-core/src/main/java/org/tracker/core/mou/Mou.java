package org.tracker.core.mou;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.AmendMou;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.MouAmended;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.RecordMouExpiry;
import org.tracker.core.api.RecordTrancheFunding;
import org.tracker.core.api.Require;
import org.tracker.core.api.ScheduleTranche;
import org.tracker.core.api.SignMou;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;

/**
 * An MoU. It keeps the schedule within the totals signed, and each year's money in order: no more obligated than
 * appropriated, no more disbursed than obligated.
 */
public class Mou {

    @AggregateIdentifier
    private String mouId;

    private LocalDate signedOn;
    private int firstFiscalYear;
    private int lastFiscalYear;
    private Map<FundingCategory, Long> totals;
    private final Map<Tranche, TrancheScheduled> schedule = new HashMap<>();
    private final Map<Tranche, Map<FundingStage, Long>> funding = new HashMap<>();
    private final Set<String> amendments = new HashSet<>();
    private LocalDate expiredOn;

    private record Tranche(int fiscalYear, FundingCategory category) {}

    protected Mou() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SignMou command) {
        Require.present(command.signedOn(), "an MoU is signed on a date");
        if (command.lastFiscalYear() < command.firstFiscalYear()) {
            throw new IllegalArgumentException("an MoU's last fiscal year cannot come before its first");
        }
        if (command.totalsUsd() == null || command.totalsUsd().isEmpty()) {
            throw new IllegalArgumentException("an MoU commits amounts by category (FMF, MISSILE_DEFENSE)");
        }
        if (mouId != null) {
            if (signedOn.equals(command.signedOn())
                    && firstFiscalYear == command.firstFiscalYear()
                    && lastFiscalYear == command.lastFiscalYear()
                    && totals.equals(new EnumMap<>(command.totalsUsd()))) {
                return;
            }
            throw new FactRejected(mouId + " was already signed on " + signedOn + " for FY" + firstFiscalYear + "-FY"
                    + lastFiscalYear + "; record an amendment instead");
        }
        apply(new MouSigned(
                command.mouId(),
                command.title(),
                command.signedOn(),
                command.firstFiscalYear(),
                command.lastFiscalYear(),
                new EnumMap<>(command.totalsUsd()),
                command.provenance()));
    }

    @CommandHandler
    public void handle(ScheduleTranche command) {
        Tranche tranche = tranche(command.fiscalYear(), command.category());
        Long offshore = command.offshoreProcurementUsd();
        if (offshore != null && offshore > command.amountUsd()) {
            throw new IllegalArgumentException("the offshore-procurement share is between 0 and the tranche's amount");
        }
        TrancheScheduled known = schedule.get(tranche);
        if (known != null) {
            if (known.amountUsd() == command.amountUsd() && Objects.equals(known.offshoreProcurementUsd(), offshore)) {
                return;
            }
            throw new FactRejected("FY" + command.fiscalYear() + " " + command.category() + " is already scheduled at $"
                    + known.amountUsd() + "; record an amendment of the MoU first");
        }
        if (expiredOn != null) {
            throw new FactRejected(mouId + " expired on " + expiredOn + "; nothing more can be scheduled under it");
        }
        long scheduled = schedule.values().stream()
                .filter(t -> t.category() == command.category())
                .mapToLong(TrancheScheduled::amountUsd)
                .sum();
        long total = totals.getOrDefault(command.category(), 0L);
        if (scheduled + command.amountUsd() > total) {
            throw new FactRejected("scheduling $" + command.amountUsd() + " of " + command.category() + " for FY"
                    + command.fiscalYear() + " would exceed the $" + total + " the MoU commits ($" + scheduled
                    + " already scheduled)");
        }
        apply(new TrancheScheduled(
                mouId, command.fiscalYear(), command.category(), command.amountUsd(), offshore, command.provenance()));
    }

    @CommandHandler
    public void handle(RecordTrancheFunding command) {
        Tranche tranche = tranche(command.fiscalYear(), command.category());
        Require.present(command.stage(), "funding is recorded at a stage (APPROPRIATED, OBLIGATED, DISBURSED)");
        Map<FundingStage, Long> stages = funding.getOrDefault(tranche, Map.of());
        if (Long.valueOf(command.amountUsd()).equals(stages.get(command.stage()))) {
            return;
        }
        FundingStage[] order = FundingStage.values();
        int stage = command.stage().ordinal();
        if (stage > 0) {
            Long ceiling = stages.get(order[stage - 1]);
            if (ceiling == null || command.amountUsd() > ceiling) {
                throw outOfOrder(
                        command,
                        (ceiling == null ? "nothing" : "$" + ceiling) + " is recorded as " + lower(order[stage - 1]));
            }
        }
        if (stage < order.length - 1) {
            Long floor = stages.get(order[stage + 1]);
            if (floor != null && command.amountUsd() < floor) {
                throw outOfOrder(command, "$" + floor + " is already recorded as " + lower(order[stage + 1]));
            }
        }
        apply(new TrancheFundingRecorded(
                mouId,
                command.fiscalYear(),
                command.category(),
                command.stage(),
                command.amountUsd(),
                command.provenance()));
    }

    @CommandHandler
    public void handle(AmendMou command) {
        Require.present(command.amendedOn(), "an amendment has a date");
        if (command.description() == null || command.description().isBlank()) {
            throw new IllegalArgumentException("an amendment says what it changes");
        }
        if (amendments.contains(
                command.amendedOn() + "|" + command.description().strip())) {
            return;
        }
        if (command.amendedOn().isBefore(signedOn)) {
            throw new FactRejected(
                    "an amendment on " + command.amendedOn() + " cannot precede the signing on " + signedOn);
        }
        apply(new MouAmended(mouId, command.amendedOn(), command.description().strip(), command.provenance()));
    }

    @CommandHandler
    public void handle(RecordMouExpiry command) {
        Require.present(command.expiredOn(), "an expiry has a date");
        if (command.expiredOn().equals(expiredOn)) {
            return;
        }
        if (expiredOn != null) {
            throw new FactRejected(mouId + " already expired on " + expiredOn);
        }
        if (!command.expiredOn().isAfter(signedOn)) {
            throw new FactRejected("an MoU signed on " + signedOn + " cannot expire on " + command.expiredOn());
        }
        apply(new MouExpired(mouId, command.expiredOn(), command.provenance()));
    }

    private static FactRejected outOfOrder(RecordTrancheFunding command, String because) {
        return new FactRejected("FY" + command.fiscalYear() + " " + command.category() + ": $" + command.amountUsd()
                + " cannot be " + lower(command.stage()) + " when " + because);
    }

    private static String lower(FundingStage stage) {
        return stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Tranche tranche(int fiscalYear, FundingCategory category) {
        Require.present(category, "a tranche has a category (FMF, MISSILE_DEFENSE)");
        if (fiscalYear < firstFiscalYear || fiscalYear > lastFiscalYear) {
            throw new FactRejected("FY" + fiscalYear + " lies outside " + mouId + ", which covers FY" + firstFiscalYear
                    + "-FY" + lastFiscalYear);
        }
        return new Tranche(fiscalYear, category);
    }

    @EventSourcingHandler
    void on(MouSigned event) {
        mouId = event.mouId();
        signedOn = event.signedOn();
        firstFiscalYear = event.firstFiscalYear();
        lastFiscalYear = event.lastFiscalYear();
        totals = new EnumMap<>(event.totalsUsd());
    }

    @EventSourcingHandler
    void on(TrancheScheduled event) {
        schedule.put(new Tranche(event.fiscalYear(), event.category()), event);
    }

    @EventSourcingHandler
    void on(TrancheFundingRecorded event) {
        funding.computeIfAbsent(
                        new Tranche(event.fiscalYear(), event.category()), t -> new EnumMap<>(FundingStage.class))
                .put(event.stage(), event.amountUsd());
    }

    @EventSourcingHandler
    void on(MouAmended event) {
        amendments.add(event.amendedOn() + "|" + event.description());
    }

    @EventSourcingHandler
    void on(MouExpired event) {
        expiredOn = event.expiredOn();
    }
}
