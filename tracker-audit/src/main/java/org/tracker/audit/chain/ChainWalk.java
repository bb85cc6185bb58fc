package org.tracker.audit.chain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a store's events against their links, position by position in global order, then the measures' heads; it
 * stops at the first problem. It keeps only the newest link of each measure, so a store of millions of events is
 * walked in the memory its measures take.
 *
 * <p>Someone editing the event table by SQL leaves a trace here: an edited row no longer hashes to its link, a
 * deleted row leaves its link behind, an inserted row has none. The measure's newest link is checked against its head
 * only to catch edits of the chain's own tables.
 */
public final class ChainWalk {

    private final Map<String, ChainLink> newestLinkOf = new HashMap<>();
    private final LedgerDigest digest = new LedgerDigest();
    private long eventsChecked;
    private long measuresChecked;
    private Tampering firstProblem;

    /**
     * Checks the event and the link found at one position; either may be missing, not both.
     *
     * @return whether the walk goes on: false once a problem was found
     */
    public boolean check(StoredEvent event, ChainLink link) {
        if (firstProblem != null) {
            return false;
        }
        if (link == null) {
            firstProblem = Tampering.inserted(event);
        } else if (event == null) {
            firstProblem = Tampering.removed(link);
        } else {
            ChainLink before = newestLinkOf.get(link.measure());
            ChainHash previous = before == null ? ChainHash.NONE : before.hash();
            if (!link.previous().equals(previous)) {
                firstProblem = Tampering.chainEdited(
                        link.globalIndex(),
                        link.measure(),
                        link.sequenceNumber(),
                        "its link does not follow the measure's link before it");
            } else if (!EventChain.link(previous, event).equals(link.hash())) {
                firstProblem = Tampering.altered(link);
            } else {
                if (newestLinkOf.put(link.measure(), link) == null) {
                    measuresChecked++;
                }
                eventsChecked++;
            }
        }
        return firstProblem == null;
    }

    /**
     * Checks, once every position was walked, that a measure's chain ends at its head, and adds the head to the ledger
     * digest; every head must be given, in the byte order of the measures' ids.
     */
    public void checkHead(ChainHead head) {
        digest.add(head);
        if (firstProblem != null) {
            return;
        }
        ChainLink newest = newestLinkOf.remove(head.measure());
        if (newest == null) {
            firstProblem = Tampering.chainEdited(
                    head.globalIndex(),
                    head.measure(),
                    head.sequenceNumber(),
                    "it is its measure's head, but the measure has no link");
        } else if (newest.globalIndex() != head.globalIndex() || !newest.hash().equals(head.hash())) {
            firstProblem = Tampering.chainEdited(
                    head.globalIndex(),
                    head.measure(),
                    head.sequenceNumber(),
                    "it is its measure's head, but the measure's links end at event " + newest.globalIndex()
                            + " (sequence " + newest.sequenceNumber() + ")");
        }
    }

    /** What the walk found, once every position and every head was checked. */
    public ChainReport report() {
        if (firstProblem == null) {
            newestLinkOf.values().stream()
                    .min(Comparator.comparingLong(ChainLink::globalIndex))
                    .ifPresent(link -> firstProblem = Tampering.chainEdited(
                            link.globalIndex(), link.measure(), link.sequenceNumber(), "its measure has no head"));
        }
        return new ChainReport(
                firstProblem == null,
                eventsChecked,
                measuresChecked,
                digest.finish().hex(),
                firstProblem);
    }

    /** Events whose links held so far. */
    public long eventsChecked() {
        return eventsChecked;
    }
}
