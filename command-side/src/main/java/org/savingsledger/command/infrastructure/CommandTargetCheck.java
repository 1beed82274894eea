package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.DirectoryLookup;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.UnknownIdentifier;

/**
 * Refuses a command to an aggregate that does not exist, or whose id belongs to another kind,
 * before the aggregate is loaded. Ids share one event stream namespace, so without this a
 * saving command naming a programme's id would replay the programme's events into a saving.
 * Answered from the directory read the command was sent with ({@link CommandLookup}).
 */
class CommandTargetCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        if (message.getPayload() instanceof LedgerCommand command && !command.target().creates()) {
            CommandTarget target = command.target();
            DirectoryLookup lookup = DirectoryLookup.of(message.getMetaData()).orElseThrow(
                    () -> new IllegalStateException("the command was sent without its directory read"));
            if (lookup.kindOf(target.id()).filter(target.kind()::equals).isEmpty()) {
                throw new UnknownIdentifier(target.kind(), target.id());
            }
        }
        return chain.proceed();
    }
}
