package org.tracker.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param titleType the record's title type ({@code Short Title(s) as Introduced}, {@code Display Title}, ...) */
public record AssignBillTitle(
        @TargetAggregateIdentifier String billId, String titleType, String title, Provenance provenance) {}
