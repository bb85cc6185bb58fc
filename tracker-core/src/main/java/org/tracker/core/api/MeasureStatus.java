package org.tracker.core.api;

import java.util.List;

/**
 * Where a measure stands, one enum per kind. {@link #code()} is the spelling stored in the projections and served
 * to clients and saved subscriptions ({@code PASS_OVER:HOUSE}, {@code UNDER_REVIEW}); it never changes.
 */
public sealed interface MeasureStatus
        permits BillStatus, VoteStatus, ArmsSaleStatus, WaiverStatus, MouStatus, ReportStatus {

    /** The enum constant's name, unless its kind spells it otherwise ({@link BillStatus}). */
    default String code() {
        return ((Enum<?>) this).name();
    }

    MeasureKind kind();

    /**
     * The status a kind of measure spells this way; two kinds may share a spelling ({@code EXPIRED}).
     *
     * @throws IllegalArgumentException if the kind has no such status
     */
    static MeasureStatus of(MeasureKind kind, String code) {
        for (MeasureStatus status : all(kind)) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("a " + kind + " has no status '" + code + "'");
    }

    /** Every status a kind of measure can have, in the order its enum declares them. */
    static List<MeasureStatus> all(MeasureKind kind) {
        return List.of(
                switch (kind) {
                    case BILL -> BillStatus.values();
                    case VOTE -> VoteStatus.values();
                    case ARMS_SALE -> ArmsSaleStatus.values();
                    case WAIVER -> WaiverStatus.values();
                    case MOU -> MouStatus.values();
                    case REPORT -> ReportStatus.values();
                });
    }
}
