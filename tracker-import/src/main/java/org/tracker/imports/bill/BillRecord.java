package org.tracker.imports.bill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Member;

/**
 * One bill or resolution as an official record describes it, whichever form the record came in (a BILLSTATUS file,
 * the congress.gov API).
 *
 * @param title the official title as introduced (which tells a proposed constitutional amendment), else the record's
 *     display title; see {@link #leadTitle}
 * @param sponsor who introduced it, or null: some records leave their sponsors list empty
 * @param titles in the record's order, which puts a type's title for the whole bill before those for its portions
 * @param actions in the record's order (newest first), Library of Congress repeats included
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
     * The title the status rules read: the official title as introduced, else the first official title, else the
     * record's display title. The official title is the one that says "Proposing an amendment to the Constitution".
     */
    public static String leadTitle(List<BillTitle> titles, String displayTitle) {
        String anyOfficial = null;
        for (BillTitle title : titles) {
            if (title.type().startsWith("Official Title")) {
                if (title.type().endsWith("as Introduced")) {
                    return title.text();
                }
                anyOfficial = anyOfficial == null ? title.text() : anyOfficial;
            }
        }
        return anyOfficial != null ? anyOfficial : displayTitle;
    }

    /**
     * @param withdrawnOn when the member withdrew, or null while they still cosponsor
     */
    public record Cosponsor(Member member, LocalDate sponsoredOn, boolean original, LocalDate withdrawnOn) {}

    /** @param type as the record names it ("Official Title as Introduced", "Short Titles as Enacted") */
    public record BillTitle(String type, String text) {}

    /** @param number as in 114-94: Congress and law number */
    public record Law(String type, String number) {}
}
