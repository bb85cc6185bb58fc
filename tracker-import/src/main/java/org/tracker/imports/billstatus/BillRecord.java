package org.tracker.imports.billstatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Member;

/**
 * One bill or resolution as a BILLSTATUS file describes it.
 *
 * @param title the official title as introduced (which tells a proposed constitutional amendment), else the file's
 *     display title
 * @param sponsor who introduced it, or null: some files leave their sponsors list empty
 * @param actions in the order of the file (newest first), Library of Congress repeats included
 * @param updatedAt when the record was last reprocessed, which does not mean its content changed
 */
public record BillRecord(
        BillId id,
        String title,
        LocalDate introducedOn,
        Member sponsor,
        List<Cosponsor> cosponsors,
        List<BillTitle> titles,
        List<BillAction> actions,
        List<Law> laws,
        Instant updatedAt) {

    public BillRecord {
        Objects.requireNonNull(id, "a bill record has its id");
        cosponsors = List.copyOf(cosponsors);
        titles = List.copyOf(titles);
        actions = List.copyOf(actions);
        laws = List.copyOf(laws);
    }

    /**
     * @param withdrawnOn when the member withdrew, or null while they still cosponsor
     */
    public record Cosponsor(Member member, LocalDate sponsoredOn, boolean original, LocalDate withdrawnOn) {}

    /** @param type as the file names it ("Official Title as Introduced", "Short Titles as Enacted") */
    public record BillTitle(String type, String text) {}

    /** @param number as in 114-94: Congress and law number */
    public record Law(String type, String number) {}
}
