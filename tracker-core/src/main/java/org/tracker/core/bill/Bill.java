package org.tracker.core.bill;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.BillType;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.LawRecorded;
import org.tracker.core.api.Member;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.Require;
import org.tracker.core.api.WithdrawCosponsor;
import org.tracker.core.status.ActionReadings;
import org.tracker.core.status.BillStatusRules;
import org.tracker.core.status.StatusTransition;

/**
 * A bill or resolution. It refuses facts about a bill it has not seen introduced, ignores facts it already knows,
 * and moves its status only as {@link BillStatusRules} derive it from the recorded actions.
 */
public class Bill {

    @AggregateIdentifier
    private String billId;

    private BillType type;
    private String title;
    private LocalDate introducedOn;
    private String sponsorId;
    private BillStatus status;
    /** Every title each type has had: a record lists several of one type, and an older record older ones. */
    private final Map<String, Set<String>> titlesByType = new HashMap<>();

    private final Map<String, Boolean> cosponsorsActive = new HashMap<>();
    private final Map<String, LocalDate> withdrawnOn = new HashMap<>();
    private final Set<String> actionIdentities = new HashSet<>();
    private final List<BillAction> actions = new ArrayList<>();
    private final Set<String> laws = new HashSet<>();
    /** Not state but a memo of the rules' work, made on first use; see {@link ActionReadings}. */
    private transient ActionReadings readings;

    protected Bill() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IntroduceBill command) {
        BillId id = BillId.parse(command.billId());
        if (command.title() == null || command.title().isBlank()) {
            throw new IllegalArgumentException("a bill is introduced with its title");
        }
        Require.present(command.introducedOn(), "a bill is introduced on a date");
        if (billId != null) {
            if (introducedOn.equals(command.introducedOn())
                    && Objects.equals(sponsorId, bioguideId(command.sponsor()))) {
                return;
            }
            throw new FactRejected(billId + " was already introduced on " + introducedOn
                    + (sponsorId == null ? "" : " by " + sponsorId)
                    + "; an introduction cannot be changed, record titles or actions instead");
        }
        apply(new BillIntroduced(
                id.toString(),
                id.type(),
                id.number(),
                id.congress(),
                command.title().strip(),
                command.introducedOn(),
                command.sponsor(),
                command.provenance()));
    }

    @CommandHandler
    public void handle(AssignBillTitle command) {
        if (command.title() == null || command.title().isBlank() || command.titleType() == null) {
            throw new IllegalArgumentException("a title needs its type and its text");
        }
        if (titlesByType
                .getOrDefault(command.titleType(), Set.of())
                .contains(command.title().strip())) {
            return;
        }
        apply(new BillTitleAssigned(billId, command.titleType(), command.title().strip(), command.provenance()));
    }

    @CommandHandler
    public void handle(AddCosponsor command) {
        String id = Require.present(command.cosponsor(), "a cosponsorship names the cosponsor")
                .bioguideId();
        if (Objects.equals(id, sponsorId)) {
            throw new FactRejected(id + " is the sponsor of " + billId + " and cannot also cosponsor it");
        }
        if (Boolean.TRUE.equals(cosponsorsActive.get(id))) {
            return;
        }
        Require.present(command.sponsoredOn(), "a cosponsorship has a date");
        LocalDate withdrawn = withdrawnOn.get(id);
        if (withdrawn != null && !command.sponsoredOn().isAfter(withdrawn)) {
            return; // the cosponsorship that was later withdrawn, as a record from before the withdrawal shows it
        }
        apply(new CosponsorAdded(
                billId, command.cosponsor(), command.sponsoredOn(), command.original(), command.provenance()));
    }

    @CommandHandler
    public void handle(WithdrawCosponsor command) {
        Boolean active = cosponsorsActive.get(command.bioguideId());
        if (active == null) {
            throw new FactRejected(command.bioguideId() + " never cosponsored " + billId + ", so cannot withdraw");
        }
        if (!active) {
            return;
        }
        Require.present(command.withdrawnOn(), "a withdrawal has a date");
        apply(new CosponsorWithdrawn(billId, command.bioguideId(), command.withdrawnOn(), command.provenance()));
    }

    @CommandHandler
    public void handle(RecordBillAction command) {
        BillAction action = command.action();
        if (actionIdentities.contains(action.identity())) {
            return;
        }
        if (action.date().isBefore(introducedOn)) {
            throw new FactRejected("an action dated " + action.date() + " cannot precede the introduction of " + billId
                    + " on " + introducedOn);
        }
        apply(new BillActionRecorded(billId, action, command.provenance()));

        if (readings == null) {
            readings = new ActionReadings(type);
        }
        List<StatusTransition> moves = BillStatusRules.transitions(title, actions, readings);
        BillStatus derived = moves.isEmpty()
                ? BillStatus.INTRODUCED
                : moves.get(moves.size() - 1).status();
        if (derived != status) {
            StatusTransition last = moves.get(moves.size() - 1);
            apply(new BillStatusChanged(billId, status, derived, last.date(), last.becauseOf(), command.provenance()));
        }
    }

    @CommandHandler
    public void handle(RecordLaw command) {
        if (command.lawNumber() == null || command.lawNumber().isBlank()) {
            throw new IllegalArgumentException("a law needs its number, as in 117-81");
        }
        if (laws.contains(command.lawNumber())) {
            return;
        }
        apply(new LawRecorded(billId, command.lawType(), command.lawNumber(), command.provenance()));
    }

    private static String bioguideId(Member member) {
        return member == null ? null : member.bioguideId();
    }

    @EventSourcingHandler
    void on(BillIntroduced event) {
        billId = event.billId();
        type = event.type();
        title = event.title();
        introducedOn = event.introducedOn();
        sponsorId = bioguideId(event.sponsor());
        status = BillStatus.INTRODUCED;
    }

    @EventSourcingHandler
    void on(BillTitleAssigned event) {
        titlesByType.computeIfAbsent(event.titleType(), type -> new HashSet<>()).add(event.title());
    }

    @EventSourcingHandler
    void on(CosponsorAdded event) {
        cosponsorsActive.put(event.cosponsor().bioguideId(), true);
    }

    @EventSourcingHandler
    void on(CosponsorWithdrawn event) {
        cosponsorsActive.put(event.bioguideId(), false);
        withdrawnOn.put(event.bioguideId(), event.withdrawnOn());
    }

    @EventSourcingHandler
    void on(BillActionRecorded event) {
        actionIdentities.add(event.action().identity());
        actions.add(event.action());
    }

    @EventSourcingHandler
    void on(BillStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(LawRecorded event) {
        laws.add(event.lawNumber());
    }
}
