package org.tracker.imports;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.tracker.core.bill.Bill;

/**
 * Bills behind Axon's own command handling and an in-memory event store, as the tracker runs them: what a whole import
 * appends, without a database. The aggregate is cached between commands, as in the tracker, so that a bill of
 * hundreds of actions does not re-derive its status from scratch at each.
 */
public final class InMemoryBills implements AutoCloseable {

    /** What sending one import's commands did. */
    public record Outcome(List<Object> events, List<Integer> refused, List<String> reasons) {}

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();

    public InMemoryBills() {
        EventSourcingRepository<Bill> repository = EventSourcingRepository.builder(Bill.class)
                .eventStore(store)
                .cache(new WeakReferenceCache())
                .build();
        AggregateAnnotationCommandHandler.<Bill>builder()
                .aggregateType(Bill.class)
                .repository(repository)
                .build()
                .subscribe(commandBus);
    }

    /** Sends the commands one by one, as an import does, and goes on past a refused one. */
    public Outcome send(String billId, List<Object> commands) {
        int before = events(billId).size();
        List<Integer> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            int index = i;
            commandBus.dispatch(asCommandMessage(commands.get(i)), (message, result) -> {
                if (result.isExceptional()) {
                    refused.add(index);
                    reasons.add(result.exceptionResult().getMessage());
                }
            });
        }
        List<Object> all = events(billId);
        return new Outcome(all.subList(before, all.size()), refused, reasons);
    }

    public List<Object> events(String billId) {
        return store.readEvents(billId)
                .asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
