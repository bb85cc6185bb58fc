package org.tracker.core.status;

import java.time.LocalDate;
import org.tracker.core.api.BillStatus;

/** One movement of a bill's status, and the action that caused it. */
public record StatusTransition(BillStatus status, LocalDate date, String becauseOf) {}
