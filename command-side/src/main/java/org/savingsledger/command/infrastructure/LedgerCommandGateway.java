package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

import java.util.concurrent.TimeUnit;

/**
 * Axon's gateway, which also keeps the consistency token of each result with the HTTP request that
 * sent the command ({@link RequestConsistencyTokens}). The result arrives here, on the sending thread,
 * whether the command ran on it or was sent again by {@link ConflictRetries} on another.
 */
class LedgerCommandGateway extends DefaultCommandGateway {

    private final RequestConsistencyTokens tokens;

    LedgerCommandGateway(Builder builder, RequestConsistencyTokens tokens) {
        super(builder);
        this.tokens = tokens;
    }

    @Override
    public <R> R sendAndWait(Object command) {
        FutureCallback<Object, R> callback = new FutureCallback<>();
        send(command, callback);
        return payloadOf(callback.getResult());
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        FutureCallback<Object, R> callback = new FutureCallback<>();
        send(command, callback);
        return payloadOf(callback.getResult(timeout, unit));
    }

    private <R> R payloadOf(CommandResultMessage<? extends R> result) {
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof Error error) {
                throw error;
            }
            throw failure instanceof RuntimeException runtime ? runtime
                    : new CommandExecutionException("An exception occurred while executing a command", failure);
        }
        tokens.remember(result);
        return result.getPayload();
    }
}
