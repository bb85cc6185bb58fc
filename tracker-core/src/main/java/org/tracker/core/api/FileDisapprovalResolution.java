package org.tracker.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param resolutionId the joint resolution of disapproval ({@code sjres111-118}) */
public record FileDisapprovalResolution(
        @TargetAggregateIdentifier String armsSaleId, String resolutionId, Provenance provenance) {}
