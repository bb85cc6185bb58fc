package org.tracker.api.batch;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends commands inside one outer unit of work with one database transaction. Each command still goes through its
 * aggregate's checks; their events are stored together when the batch commits, and a command that is refused rolls
 * back the whole batch, so a batch appends all its events or none.
 */
@Component
public class CommandBatch {

    private final CommandGateway commands;
    private final TransactionManager transactions;

    public CommandBatch(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** @throws RuntimeException the first command's refusal, after nothing of the batch was stored */
    public void sendAll(List<?> batch) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            batch.forEach(commands::sendAndWait);
        } catch (RuntimeException refused) {
            unitOfWork.rollback(refused);
            throw refused;
        }
        unitOfWork.commit();
    }
}
