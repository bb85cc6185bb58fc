package org.tracker.core.armssale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.BillId;
import org.tracker.core.api.BillType;
import org.tracker.core.api.DisapprovalResolutionFiled;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.FileDisapprovalResolution;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Require;
import org.tracker.core.status.ReviewWindow;

/** A proposed sale, from its notification to Congress through the resolutions that sought to block it. */
public class ArmsSale {

    public static final String ID_PREFIX = "armssale-";

    @AggregateIdentifier
    private String armsSaleId;

    private LocalDate notifiedOn;
    private long valueUsd;
    private final Set<String> resolutions = new HashSet<>();

    protected ArmsSale() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NotifyArmsSale command) {
        if (command.transmittalNumber() == null || !command.transmittalNumber().matches("[0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("a transmittal number is letters, digits and dashes, as in 24-85");
        }
        String expectedId = ID_PREFIX + command.transmittalNumber().toLowerCase(java.util.Locale.ROOT);
        if (!expectedId.equals(command.armsSaleId())) {
            throw new IllegalArgumentException(
                    "arms sale id '" + command.armsSaleId() + "' should be '" + expectedId + "'");
        }
        if (command.recipient() == null || command.recipient().isBlank()) {
            throw new IllegalArgumentException("an arms sale names its recipient");
        }
        Require.present(command.notifiedOn(), "an arms sale is notified on a date");
        if (command.valueUsd() <= 0) {
            throw new IllegalArgumentException("an arms sale has a positive value in dollars");
        }
        if (armsSaleId != null) {
            if (notifiedOn.equals(command.notifiedOn()) && valueUsd == command.valueUsd()) {
                return;
            }
            throw new FactRejected("transmittal " + command.transmittalNumber() + " was already notified on "
                    + notifiedOn + " for $" + valueUsd + "; a new notification needs a new transmittal number");
        }
        int days = ReviewWindow.daysFor(command.recipient());
        apply(new ArmsSaleNotified(
                command.armsSaleId(),
                command.transmittalNumber(),
                command.recipient().strip(),
                command.articles(),
                command.valueUsd(),
                command.notifiedOn(),
                days,
                ReviewWindow.closesOn(command.recipient(), command.notifiedOn()),
                command.provenance()));
    }

    @CommandHandler
    public void handle(FileDisapprovalResolution command) {
        BillId resolution = BillId.parse(command.resolutionId());
        if (resolution.type() != BillType.SJRES && resolution.type() != BillType.HJRES) {
            throw new IllegalArgumentException("a resolution of disapproval under AECA §36(b) is a joint resolution"
                    + " (sjres or hjres), not " + resolution.type().code());
        }
        if (resolutions.contains(resolution.toString())) {
            return;
        }
        apply(new DisapprovalResolutionFiled(armsSaleId, resolution.toString(), command.provenance()));
    }

    @EventSourcingHandler
    void on(ArmsSaleNotified event) {
        armsSaleId = event.armsSaleId();
        notifiedOn = event.notifiedOn();
        valueUsd = event.valueUsd();
    }

    @EventSourcingHandler
    void on(DisapprovalResolutionFiled event) {
        resolutions.add(event.resolutionId());
    }
}
