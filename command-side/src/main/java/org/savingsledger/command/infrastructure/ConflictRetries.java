package org.savingsledger.command.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.savingsledger.command.rules.AggregateCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command that lost a race: another command-side instance appended to the same aggregate
 * between loading it and appending (the event store's unique (aggregate, sequence number) refuses
 * the second append, nothing of it is written). Only commands to an existing aggregate that did not
 * name an {@code expectedVersion} are retried — the retry reloads the aggregate and decides again,
 * so every rule holds on what is really there; with {@code expectedVersion} the client asked to be
 * told (409), and creates with a taken id are a real conflict. At most {@link #MAX_RETRIES} times,
 * with a short jittered back-off. Counted as {@code ledger.commands.retries}.
 */
class ConflictRetries implements RetryScheduler {

    static final int MAX_RETRIES = 10;
    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);

    private final ScheduledExecutorService executor;
    private final Counter retries;

    ConflictRetries(ScheduledExecutorService executor, MeterRegistry registry) {
        this.executor = executor;
        this.retries = Counter.builder("ledger.commands.retries")
                .description("Commands sent again after losing a race for their aggregate to another instance")
                .register(registry);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > MAX_RETRIES || !withoutExpectedVersion(commandMessage.getPayload()) || !lostARace(lastFailure)) {
            return false;
        }
        long delay = ThreadLocalRandom.current().nextLong(5, 20L << Math.min(failures.size(), 4));
        log.debug("Retrying {} in {} ms after a concurrent change ({} failures)", commandMessage.getCommandName(), delay,
                failures.size());
        retries.increment();
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean withoutExpectedVersion(Object command) {
        return command instanceof AggregateCommand c && c.expectedVersion() == null;
    }

    private static boolean lostARace(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof CommitOutcomeUnknown) {
                // its events may be stored: sent again, it could be recorded twice
                return false;
            }
            if (t instanceof ConflictingModificationException) {
                return false;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
