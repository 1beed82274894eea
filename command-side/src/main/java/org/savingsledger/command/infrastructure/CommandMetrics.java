package org.savingsledger.command.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Micrometer meters of the command side: {@code ledger.commands} (a timer per command and outcome:
 * accepted, refused by a rule or by its input, failed) and {@code ledger.events.appended} (a counter per
 * event type). Both are recorded when the unit of work ends, so a command whose commit fails counts as
 * failed and its events as never appended.
 */
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        long start = System.nanoTime();
        unitOfWork.afterCommit(u -> record(command, "accepted", start));
        unitOfWork.onRollback(u -> record(command, outcome(u.getExecutionResult() == null ? null
                : u.getExecutionResult().getExceptionResult()), start));
        return chain.proceed();
    }

    /** Counts events when the unit of work that publishes them commits. */
    MessageDispatchInterceptor<EventMessage<?>> eventCounter() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    Runnable count = () -> Counter.builder("ledger.events.appended")
                            .description("Events appended to the event store")
                            .tag("type", event.getPayloadType().getSimpleName()).register(registry).increment();
                    if (CurrentUnitOfWork.isStarted()) {
                        CurrentUnitOfWork.get().afterCommit(u -> count.run());
                    } else {
                        count.run();
                    }
                    return event;
                };
            }
        };
    }

    private void record(String command, String outcome, long start) {
        Timer.builder("ledger.commands")
                .description("Commands handled, by command and outcome")
                .tag("command", command).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Refused: the command was wrong (input, rule, unknown or duplicate id, stale version); failed: anything else. */
    static String outcome(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation || cause instanceof InvalidCommand
                    || cause instanceof UnknownIdentifier || cause instanceof DuplicateIdentifier
                    || cause instanceof AggregateNotFoundException || cause instanceof ConcurrencyException) {
                return "refused";
            }
        }
        return "failed";
    }
}
