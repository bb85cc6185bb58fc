package org.tracker.api.facts;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Makes every command answer with the events it appended, so a client can tell a new fact (events listed) from a
 * fact the tracker already knew (none). Axon hands staged events to dispatch interceptors only when the unit of work
 * prepares to commit, after the handler returned; the list returned here is filled then, before the caller sees it.
 */
@Component
class AppendedEvents implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String RESOURCE = AppendedEvents.class.getName();

    AppendedEvents(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(messages -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> appended(unitOfWork).addAll(messages));
            return (index, message) -> message;
        });
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        List<EventMessage<?>> appended = appended(unitOfWork);
        chain.proceed();
        return appended;
    }

    private static List<EventMessage<?>> appended(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayList<>());
    }
}
