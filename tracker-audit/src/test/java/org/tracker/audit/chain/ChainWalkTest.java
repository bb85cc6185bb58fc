package org.tracker.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    /** Two measures interleaved, as a store holds them: events 1..7. */
    static SampleEvents store() {
        return new SampleEvents()
                .append("hr1229-119")
                .append("hr1229-119")
                .append("sjres111-118")
                .append("hr1229-119")
                .append("sjres111-118")
                .append("hr1229-119")
                .append("sjres111-118");
    }

    static ChainReport walk(List<StoredEvent> events, List<ChainLink> links, List<ChainHead> heads) {
        ChainWalk walk = new ChainWalk();
        int e = 0;
        int l = 0;
        while (e < events.size() || l < links.size()) {
            long nextEvent = e < events.size() ? events.get(e).globalIndex() : Long.MAX_VALUE;
            long nextLink = l < links.size() ? links.get(l).globalIndex() : Long.MAX_VALUE;
            StoredEvent event = nextEvent <= nextLink ? events.get(e++) : null;
            ChainLink link = nextLink <= nextEvent ? links.get(l++) : null;
            if (!walk.check(event, link)) {
                break;
            }
        }
        heads.forEach(walk::checkHead);
        return walk.report();
    }

    @Test
    void anUntouchedStoreIsIntact() {
        SampleEvents store = store();
        ChainReport report = walk(store.events(), store.links(), store.heads());
        assertThat(report.intact()).isTrue();
        assertThat(report.firstProblem()).isNull();
        assertThat(report.eventsChecked()).isEqualTo(7);
        assertThat(report.measuresChecked()).isEqualTo(2);
        assertThat(report.ledgerDigest()).matches("[0-9a-f]{64}");
    }

    @Test
    void anEditedRowIsNamedAsAltered() {
        SampleEvents store = store();
        List<StoredEvent> events = new ArrayList<>(store.events());
        events.set(3, EventChainTest.with(events.get(3), "payload", "{\"billId\":\"hr1229-119\",\"n\":99}"));

        ChainReport report = walk(events, store.links(), store.heads());

        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem().kind()).isEqualTo(Tampering.Kind.ALTERED);
        assertThat(report.firstProblem().description())
                .isEqualTo("event 4 (measure hr1229-119, sequence 2) was altered: its stored row no longer matches"
                        + " its hash");
        assertThat(report.eventsChecked()).isEqualTo(3);
    }

    @Test
    void aDeletedRowIsNamedAsRemovedFromTheLinkItLeftBehind() {
        SampleEvents store = store();
        List<StoredEvent> events = new ArrayList<>(store.events());
        events.remove(4);

        ChainReport report = walk(events, store.links(), store.heads());

        assertThat(report.firstProblem().kind()).isEqualTo(Tampering.Kind.REMOVED);
        assertThat(report.firstProblem().description())
                .isEqualTo("event 5 (measure sjres111-118, sequence 1) was removed");
    }

    @Test
    void deletingAMeasuresNewestEventOrAllOfItIsNamed() {
        SampleEvents store = store();
        List<StoredEvent> newestGone = new ArrayList<>(store.events());
        newestGone.remove(6);
        assertThat(walk(newestGone, store.links(), store.heads()).firstProblem().description())
                .isEqualTo("event 7 (measure sjres111-118, sequence 2) was removed");

        List<StoredEvent> measureGone = store.events().stream()
                .filter(e -> !e.aggregateIdentifier().equals("sjres111-118"))
                .toList();
        assertThat(walk(measureGone, store.links(), store.heads())
                        .firstProblem()
                        .description())
                .isEqualTo("event 3 (measure sjres111-118, sequence 0) was removed");
    }

    @Test
    void aRowWithoutALinkIsNamedAsInserted() {
        SampleEvents store = store();
        List<StoredEvent> events = new ArrayList<>(store.events());
        events.add(SampleEvents.event(8, "hr1229-119", 4, "{\"forged\":true}"));

        ChainReport report = walk(events, store.links(), store.heads());

        assertThat(report.firstProblem().kind()).isEqualTo(Tampering.Kind.INSERTED);
        assertThat(report.firstProblem().description())
                .isEqualTo("event 8 (measure hr1229-119, sequence 4) was inserted behind the tracker's back: it has no"
                        + " link in the chain");
    }

    @Test
    void editsOfTheChainItselfAreNamedToo() {
        SampleEvents store = store();
        List<ChainLink> links = new ArrayList<>(store.links());
        links.remove(6);
        List<StoredEvent> events = new ArrayList<>(store.events());
        events.remove(6);
        assertThat(walk(events, links, store.heads()).firstProblem().description())
                .isEqualTo("event 7 (measure sjres111-118, sequence 2): it is its measure's head, but the measure's"
                        + " links end at event 5 (sequence 1); the chain's own tables were edited");

        List<ChainHead> headless = new ArrayList<>(store.heads());
        headless.remove(1);
        assertThat(walk(store.events(), store.links(), headless).firstProblem().kind())
                .isEqualTo(Tampering.Kind.CHAIN_EDITED);

        List<ChainLink> skipping = new ArrayList<>(store.links());
        ChainLink third = skipping.get(3);
        skipping.set(
                3,
                new ChainLink(
                        third.globalIndex(), third.measure(), third.sequenceNumber(), ChainHash.NONE, third.hash()));
        assertThat(walk(store.events(), skipping, store.heads()).firstProblem().description())
                .startsWith("event 4 (measure hr1229-119, sequence 2): its link does not follow");
    }

    @Test
    void theLedgerDigestDependsOnEveryHeadAndNeedsThemInOrder() {
        SampleEvents store = store();
        String digest = walk(store.events(), store.links(), store.heads()).ledgerDigest();
        SampleEvents longer = store().append("hr1229-119");
        assertThat(walk(longer.events(), longer.links(), longer.heads()).ledgerDigest())
                .isNotEqualTo(digest);

        LedgerDigest ordered = new LedgerDigest();
        List<ChainHead> heads = store.heads();
        ordered.add(heads.get(1));
        assertThatThrownBy(() -> ordered.add(heads.get(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
