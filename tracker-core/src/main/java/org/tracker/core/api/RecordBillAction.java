package org.tracker.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordBillAction(@TargetAggregateIdentifier String billId, BillAction action, Provenance provenance) {}
