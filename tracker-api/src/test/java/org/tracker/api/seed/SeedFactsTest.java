package org.tracker.api.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.armssale.ArmsSale;
import org.tracker.core.bill.Bill;
import org.tracker.core.mou.Mou;
import org.tracker.core.report.MandatedReport;
import org.tracker.core.vote.RollCallVote;
import org.tracker.core.waiver.Waiver;

/** The seed set, sent through the real aggregates on an in-memory store: every fact accepted, statuses derived. */
class SeedFactsTest {

    Configuration axon;
    final AtomicLong appended = new AtomicLong();

    @BeforeEach
    void startAxon() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        List.of(Bill.class, RollCallVote.class, ArmsSale.class, Waiver.class, Mou.class, MandatedReport.class)
                .forEach(type -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)));
        axon = configurer.start();
        axon.eventStore().registerDispatchInterceptor(events -> {
            appended.addAndGet(events.size());
            return (index, event) -> event;
        });
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    long send(List<Object> facts) {
        long before = appended.get();
        facts.forEach(fact -> axon.commandGateway().sendAndWait(fact));
        return appended.get() - before;
    }

    BillStatus statusOf(String billId) {
        return axon.eventStore()
                .readEvents(billId)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(BillStatusChanged.class::isInstance)
                .map(event -> ((BillStatusChanged) event).to())
                .reduce((first, second) -> second)
                .orElse(BillStatus.INTRODUCED);
    }

    @Test
    void everySeedFactIsAcceptedAndTheStatusesFollowFromTheActions() {
        long appended = send(SeedFacts.all(Instant.EPOCH));

        assertThat(appended).isGreaterThan(50);
        assertThat(statusOf("hr8369-118")).isEqualTo(BillStatus.PASS_OVER_HOUSE);
        assertThat(statusOf("hr7645-119")).isEqualTo(BillStatus.REFERRED);
        assertThat(statusOf("sjres111-118"))
                .as("a failed motion to discharge moves no status")
                .isEqualTo(BillStatus.REFERRED);
        assertThat(statusOf("hr1229-119")).isEqualTo(BillStatus.INTRODUCED);
    }

    @Test
    void loadingTheSeedTwiceAppendsNothingMore() {
        send(SeedFacts.all(Instant.EPOCH));

        assertThat(send(SeedFacts.all(Instant.EPOCH.plusSeconds(60)))).isZero();
    }
}
