package org.tracker.core.waiver;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.InvokeWaiver;
import org.tracker.core.api.RecordWaiverExpiry;
import org.tracker.core.api.RecordWaiverProvision;
import org.tracker.core.api.RenewWaiver;
import org.tracker.core.api.Require;
import org.tracker.core.api.RevokeWaiver;
import org.tracker.core.api.WaiverExpired;
import org.tracker.core.api.WaiverInvoked;
import org.tracker.core.api.WaiverProvisionRecorded;
import org.tracker.core.api.WaiverRenewed;
import org.tracker.core.api.WaiverRevoked;
import org.tracker.core.api.WaiverStatus;

/** A waiver provision and its use: invoked, renewed, expired, revoked, invoked again. */
public class Waiver {

    @AggregateIdentifier
    private String waiverId;

    private WaiverStatus status;
    private LocalDate determinedOn;
    private LocalDate expiresOn;
    private LocalDate endedOn;
    private final Set<String> knownDeterminations = new HashSet<>();

    protected Waiver() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordWaiverProvision command) {
        Require.present(command.statute(), "a waiver provision names its statute");
        if (command.citation() == null || command.citation().isBlank()) {
            throw new IllegalArgumentException("a waiver provision cites where it stands in law");
        }
        if (waiverId != null) {
            return;
        }
        apply(new WaiverProvisionRecorded(
                command.waiverId(),
                command.statute(),
                command.citation().strip(),
                command.title(),
                command.summary(),
                command.provenance()));
    }

    @CommandHandler
    public void handle(InvokeWaiver command) {
        Require.present(command.determinedOn(), "a waiver is determined on a date");
        LocalDate effectiveOn = command.effectiveOn() == null ? command.determinedOn() : command.effectiveOn();
        if (command.expiresOn() != null && !command.expiresOn().isAfter(effectiveOn)) {
            throw new IllegalArgumentException("a waiver must expire after it takes effect");
        }
        if (knownDeterminations.contains("invoked " + command.determinedOn())) {
            return;
        }
        if (status == WaiverStatus.IN_EFFECT) {
            throw new FactRejected(waiverId + " is already in effect since the determination of " + determinedOn
                    + "; record a renewal instead");
        }
        if (endedOn != null && command.determinedOn().isBefore(endedOn)) {
            throw new FactRejected("a new determination on " + command.determinedOn() + " cannot precede the end of "
                    + "the previous one on " + endedOn);
        }
        apply(new WaiverInvoked(
                waiverId,
                command.subject(),
                command.determinedOn(),
                effectiveOn,
                command.expiresOn(),
                command.justification(),
                command.provenance()));
    }

    @CommandHandler
    public void handle(RenewWaiver command) {
        Require.present(command.determinedOn(), "a renewal is determined on a date");
        if (knownDeterminations.contains("renewed " + command.determinedOn())) {
            return;
        }
        if (status != WaiverStatus.IN_EFFECT) {
            throw new FactRejected(waiverId + " is " + status + " and only a waiver in effect can be renewed; record"
                    + " a new invocation instead");
        }
        if (command.expiresOn() != null && !command.expiresOn().isAfter(command.determinedOn())) {
            throw new IllegalArgumentException("a renewal must expire after it is determined");
        }
        if (command.determinedOn().isBefore(determinedOn)) {
            throw new FactRejected(
                    "a renewal on " + command.determinedOn() + " cannot precede the determination of " + determinedOn);
        }
        apply(new WaiverRenewed(
                waiverId, command.determinedOn(), command.expiresOn(), command.justification(), command.provenance()));
    }

    @CommandHandler
    public void handle(RecordWaiverExpiry command) {
        Require.present(command.expiredOn(), "an expiry has a date");
        if (status == WaiverStatus.EXPIRED && command.expiredOn().equals(endedOn)) {
            return;
        }
        requireInEffect("expire");
        requireNotBeforeDetermination(command.expiredOn(), "expire");
        apply(new WaiverExpired(waiverId, command.expiredOn(), command.provenance()));
    }

    @CommandHandler
    public void handle(RevokeWaiver command) {
        Require.present(command.revokedOn(), "a revocation has a date");
        if (status == WaiverStatus.REVOKED && command.revokedOn().equals(endedOn)) {
            return;
        }
        requireInEffect("be revoked");
        requireNotBeforeDetermination(command.revokedOn(), "be revoked");
        apply(new WaiverRevoked(waiverId, command.revokedOn(), command.reason(), command.provenance()));
    }

    private void requireNotBeforeDetermination(LocalDate on, String what) {
        if (on.isBefore(determinedOn)) {
            throw new FactRejected(waiverId + " was determined on " + determinedOn + " and cannot " + what + " on " + on
                    + ", before that");
        }
    }

    private void requireInEffect(String what) {
        if (status != WaiverStatus.IN_EFFECT) {
            throw new FactRejected(waiverId + " is " + status + ", and only a waiver in effect can " + what);
        }
    }

    @EventSourcingHandler
    void on(WaiverProvisionRecorded event) {
        waiverId = event.waiverId();
        status = WaiverStatus.AVAILABLE;
    }

    @EventSourcingHandler
    void on(WaiverInvoked event) {
        status = WaiverStatus.IN_EFFECT;
        knownDeterminations.add("invoked " + event.determinedOn());
        determinedOn = event.determinedOn();
        expiresOn = event.expiresOn();
        endedOn = null;
    }

    @EventSourcingHandler
    void on(WaiverRenewed event) {
        knownDeterminations.add("renewed " + event.determinedOn());
        determinedOn = event.determinedOn();
        expiresOn = event.expiresOn();
    }

    @EventSourcingHandler
    void on(WaiverExpired event) {
        status = WaiverStatus.EXPIRED;
        endedOn = event.expiredOn();
    }

    @EventSourcingHandler
    void on(WaiverRevoked event) {
        status = WaiverStatus.REVOKED;
        endedOn = event.revokedOn();
    }
}
