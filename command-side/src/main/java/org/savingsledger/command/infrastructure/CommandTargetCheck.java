package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.savingsledger.command.committee.CommitteeCommand;
import org.savingsledger.command.programme.ProgrammeCommand;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.saving.SavingCommand;

/**
 * Refuses a command to an aggregate that does not exist, or whose id belongs to another kind,
 * before the aggregate is loaded. Ids share one event stream namespace, so without this a
 * saving command naming a programme's id would replay the programme's events into a saving.
 */
class CommandTargetCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final LedgerDirectory directory;

    CommandTargetCheck(LedgerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof ProgrammeCommand c) {
            require(LedgerKind.PROGRAMME, c.programmeId().value());
        } else if (command instanceof SavingCommand c) {
            require(LedgerKind.SAVING, c.savingId().value());
        } else if (command instanceof CommitteeCommand c) {
            require(LedgerKind.COMMITTEE, c.committeeId().value());
        }
        return chain.proceed();
    }

    private void require(LedgerKind kind, String id) {
        if (directory.kindOf(id).filter(kind::equals).isEmpty()) {
            throw new UnknownIdentifier(kind, id);
        }
    }
}
