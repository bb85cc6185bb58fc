package org.tracker.imports.congressgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.BillId;

class CongressGovPollerTest {

    private static final Instant FIRST_WINDOW_START = Instant.parse("2022-03-24T00:00:00Z");
    private static final Instant FIRST_POLL = Instant.parse("2022-03-26T12:00:00.750Z");
    private static final Instant SECOND_POLL = Instant.parse("2022-04-03T12:00:00Z");
    private static final Duration OVERLAP = Duration.ofHours(1);
    private static final BillId HR21 = BillId.parse("hr21-117");
    private static final BillId HR22 = BillId.parse("hr22-117");

    private final LocalCongressApi api = new LocalCongressApi();
    private final InMemoryPollerState state = new InMemoryPollerState();
    private final List<PolledBill> handedOn = new ArrayList<>();

    @AfterEach
    void stopTheServer() {
        api.close();
    }

    @Test
    void aFirstPollHandsOnEveryBillListedInItsWindow() throws InterruptedException {
        api.listing(List.of(List.of(21)));

        PollSummary summary = pollAt(FIRST_POLL);

        assertThat(summary)
                .isEqualTo(new PollSummary(
                        FIRST_WINDOW_START,
                        Instant.parse("2022-03-26T12:00:00Z"),
                        1,
                        List.of(HR21),
                        0,
                        List.of(),
                        true));
        assertThat(handedOn)
                .containsExactly(new PolledBill(
                        CongressApiReader.read(CongressApiReaderTest.hr21()),
                        api.base().resolve("bill/117/hr/21?format=json")));
        assertThat(api.requests())
                .containsExactly(
                        "/v3/bill?format=json&limit=250&sort=updateDate+asc&fromDateTime=2022-03-24T00:00:00Z"
                                + "&toDateTime=2022-03-26T12:00:00Z",
                        "/v3/bill/117/hr/21?format=json",
                        "/v3/bill/117/hr/21/actions?format=json&limit=250",
                        "/v3/bill/117/hr/21/cosponsors?format=json&limit=250",
                        "/v3/bill/117/hr/21/titles?format=json&limit=250");
        assertThat(api.keys()).as("the key goes in a header, never in a URL").containsOnly(LocalCongressApi.KEY);
        assertThat(state.windowEnd()).contains(Instant.parse("2022-03-26T12:00:00Z"));
    }

    @Test
    void followsTheListToItsSecondPage() throws InterruptedException {
        api.listing(List.of(List.of(21), List.of(22)));

        PollSummary summary = pollAt(FIRST_POLL);

        assertThat(summary.changed()).containsExactly(HR21, HR22);
        assertThat(handedOn).extracting(bill -> bill.record().id()).containsExactly(HR21, HR22);
        assertThat(api.requests())
                .contains("/v3/bill?offset=1&limit=1&format=json", "/v3/bill/117/hr/22/titles?format=json&limit=250");
        assertThat(summary.windowAdvanced()).isTrue();
    }

    @Test
    void aSecondPollWhereOnlyTheUpdateDateMovedHandsOnNothing() throws InterruptedException {
        api.listing(List.of(List.of(21), List.of(22)));
        pollAt(FIRST_POLL);
        handedOn.clear();
        api.rewriting("2022-03-25T01:16:59Z", "2022-04-03T09:30:00Z");

        PollSummary summary = pollAt(SECOND_POLL);

        assertThat(handedOn).isEmpty();
        assertThat(summary.changed()).isEmpty();
        assertThat(summary.unchanged()).isEqualTo(2);
        assertThat(summary.windowStart())
                .as("the last window's end, less the overlap")
                .isEqualTo(Instant.parse("2022-03-26T11:00:00Z"));
        assertThat(api.requests())
                .contains("/v3/bill?format=json&limit=250&sort=updateDate+asc&fromDateTime=2022-03-26T11:00:00Z"
                        + "&toDateTime=2022-04-03T12:00:00Z");
        assertThat(state.windowEnd()).contains(SECOND_POLL);
    }

    @Test
    void aSecondPollHandsOnTheBillsWhoseContentChanged() throws InterruptedException {
        api.listing(List.of(List.of(21)));
        pollAt(FIRST_POLL);
        handedOn.clear();
        api.rewriting("\"Short Title(s) as Introduced\"", "\"Short Title(s) as Reported to House\"");

        PollSummary summary = pollAt(SECOND_POLL);

        assertThat(summary.changed()).containsExactly(HR21);
        assertThat(handedOn.get(0).record().titles())
                .extracting(title -> title.type())
                .contains("Short Title(s) as Reported to House");
    }

    @Test
    void aBillTheConsumerFailsOnIsHandedOnAgainByTheNextPoll() throws InterruptedException {
        api.listing(List.of(List.of(21)));
        CongressGovPoller poller = poller(FIRST_POLL);

        assertThatThrownBy(() -> poller.poll(bill -> {
                    throw new IllegalStateException("the command bus is down");
                }))
                .hasMessage("the command bus is down");
        assertThat(state.windowEnd()).isEmpty();
        assertThat(state.contentHash(HR21)).isEmpty();

        assertThat(pollAt(SECOND_POLL).changed()).containsExactly(HR21);
        assertThat(pollAt(SECOND_POLL.plusSeconds(60)).changed()).isEmpty();
    }

    @Test
    void aRefusalForTheRateLimitStopsThePollAndKeepsItsWindow() {
        api.listing(List.of(List.of(21)));
        api.answeringTheListWith(429);

        assertThatThrownBy(() -> pollAt(FIRST_POLL))
                .isInstanceOf(CongressGovUnavailableException.class)
                .hasMessageContaining("for the rate limit; it asks to retry after 60 s");
        assertThat(state.windowEnd()).isEmpty();
    }

    @Test
    void aBillWhoseResponsesCannotBeReadIsReportedAndTheOthersHandedOn() throws InterruptedException {
        api.listing(List.of(List.of(21, 22)));
        api.breaking("/v3/bill/117/hr/22/titles");

        PollSummary summary = pollAt(FIRST_POLL);

        assertThat(summary.changed()).containsExactly(HR21);
        assertThat(summary.unreadable())
                .singleElement()
                .asString()
                .startsWith("hr22-117: not a readable congress.gov response (" + api.base()
                        + "bill/117/hr/22/titles?format=json&limit=250)");
        assertThat(summary.windowAdvanced()).isTrue();
    }

    @Test
    void aListThatMovesWhileItIsPagedKeepsItsWindowForTheNextPoll() throws InterruptedException {
        api.listing(List.of(List.of(21), List.of(22)));
        api.movingTheListWhilePaging();

        PollSummary summary = pollAt(FIRST_POLL);

        assertThat(summary.changed()).containsExactly(HR21, HR22);
        assertThat(summary.windowAdvanced()).isFalse();
        assertThat(state.windowEnd()).isEmpty();
    }

    @Test
    void refusesToFollowANextPageToAnotherHost() {
        api.listing(List.of(List.of(21), List.of(22)));
        api.pointingNextPagesAt("attacker.example");

        assertThatThrownBy(() -> pollAt(FIRST_POLL))
                .isInstanceOf(CongressGovUnavailableException.class)
                .hasMessageContaining("refused to follow a next page outside " + api.base());
        assertThat(api.requests()).noneMatch(request -> request.contains("offset=1"));
    }

    @Test
    void theOfficialApiNeedsItsKeyFromTheEnvironment() {
        assertThatThrownBy(() -> CongressGovClient.official(java.util.Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set CONGRESS_API_KEY");
        assertThat(CongressGovClient.official(java.util.Map.of("CONGRESS_API_KEY", "a-key"))
                        .uri("bill/117/hr/21"))
                .isEqualTo(URI.create("https://api.congress.gov/v3/bill/117/hr/21"));
    }

    private PollSummary pollAt(Instant now) throws InterruptedException {
        return poller(now).poll(handedOn::add);
    }

    /** A new poller for each poll, as after a restart: all it knows of earlier polls is in the state. */
    private CongressGovPoller poller(Instant now) {
        CongressGovClient client = new CongressGovClient(
                api.base(), LocalCongressApi.KEY, new RequestRateLimiter(100, Duration.ofSeconds(1)));
        return new CongressGovPoller(client, state, Clock.fixed(now, ZoneOffset.UTC), FIRST_WINDOW_START, OVERLAP);
    }
}
