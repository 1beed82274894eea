package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

/**
 * Axon's {@link SimpleCommandBus} (a command runs in the sender's thread, in a unit of work with a
 * database transaction) with three additions the HTTP answers rely on:
 * <ul>
 * <li><b>Bounded.</b> At most {@code concurrency} commands run at once, set below the connection
 * pool's size. A command's transaction takes its connection when it begins, and only then does the
 * command wait for its aggregate's lock; unbounded, sixteen commands to one saving held every
 * connection while they queued for it, and the idempotency filter, the directory checks and the read
 * models' processors starved. A command waits for its place (fairly, first come first served) before
 * its unit of work starts; one that gets none within {@code admissionWait} fails with
 * {@link CommandsBusy} having written nothing.</li>
 * <li><b>Token from the append.</b> The event store's insert returns the global index it gave the
 * command's last event ({@link IndexedAppend}); just before the transaction commits, that index becomes
 * the consistency token. A command that appended nothing (a change to the value already held) answers
 * its aggregate's current latest event instead, read once through the same transactional connection.
 * The token travels with the result (metadata {@link #TOKEN}, a {@link LatestEvent}), so answering needs
 * no connection after the commit, also when {@link ConflictRetries} ran the command again on its own
 * thread.</li>
 * <li><b>Honest failures.</b> A failure once the commit has begun (the commit itself, a connection
 * lost while committing, anything after it) is reported as {@link CommitOutcomeUnknown}: the events
 * may be stored. Any failure before that, checked exceptions included, rolled the transaction back.</li>
 * </ul>
 */
public class LedgerCommandBus extends SimpleCommandBus {

    /** Result metadata: the {@link LatestEvent} of the command's aggregate as its transaction left it. */
    public static final String TOKEN = "consistencyToken";

    /**
     * An aggregate's latest event as the command's transaction left it; its global index is the
     * consistency token.
     */
    public record LatestEvent(String aggregateId, long sequenceNumber, long globalIndex) implements java.io.Serializable {
    }

    private final JdbcTemplate jdbc;
    private final int concurrency;
    private final Duration admissionWait;
    private final Semaphore places;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    public LedgerCommandBus(Builder builder, JdbcTemplate jdbc, int concurrency, Duration admissionWait) {
        // any failure before the commit rolls back, a checked exception too (Axon's default would commit it)
        super(builder.rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE));
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.jdbc = jdbc;
        this.concurrency = concurrency;
        this.admissionWait = admissionWait;
        this.places = new Semaphore(concurrency, true);
    }

    /** Called once the bus has found the command's handler, before the unit of work and its transaction start. */
    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        if (!admitted()) {
            callback.onResult(command, asCommandResultMessage(new CommandsBusy(concurrency, admissionWait)));
            return;
        }
        Attempt attempt = new Attempt();
        try {
            // SimpleCommandBus calls back once the unit of work has ended (committed or rolled back, connection returned)
            super.handle(command, attempt.recording(handler),
                    (CommandMessage<? extends C> message, CommandResultMessage<? extends R> result) -> {
                        attempt.leave();
                        callback.onResult(message, attempt.answer(result));
                    });
        } finally {
            // also when super.handle threw instead of calling back: the transaction could not begin
            attempt.leave();
        }
    }

    private boolean admitted() {
        try {
            return places.tryAcquire(admissionWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One command's run through the bus: its place, its token and how far its commit got. */
    private final class Attempt {

        private final AtomicBoolean left = new AtomicBoolean();
        private volatile LatestEvent token;
        private volatile boolean committing;

        /** The handler, followed by taking the token inside the transaction, after the event store's append. */
        MessageHandler<CommandMessage<?>> recording(MessageHandler<? super CommandMessage<?>> handler) {
            return message -> {
                // resolved before anything is written: a command without a target fails cleanly
                String aggregateId = targets.resolveTarget(message).getIdentifier();
                Object result = handler.handle(message);
                // prepare-commit handlers run in registration order; the event store registered its append
                // while the handler applied events, so this runs after it, on the transaction's connection
                CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                    token = IndexedAppend.appendedBy(unitOfWork, aggregateId).orElseGet(() -> latestEventOf(aggregateId));
                    // from here on the transaction may commit: a failure no longer proves nothing was written
                    committing = true;
                });
                return result;
            };
        }

        <R> CommandResultMessage<? extends R> answer(CommandResultMessage<? extends R> result) {
            if (result.isExceptional()) {
                return committing ? asCommandResultMessage(new CommitOutcomeUnknown(result.exceptionResult())) : result;
            }
            return token == null ? result : result.andMetaData(Map.of(TOKEN, token));
        }

        void leave() {
            if (left.compareAndSet(false, true)) {
                places.release();
            }
        }
    }

    /**
     * The aggregate's latest event as this transaction sees it, for a command whose append returned no
     * index (it appended nothing): the aggregate's current event. Were it the command's own append, no
     * other instance could commit a later event of the aggregate first: the unique sequence number makes
     * its append wait for this transaction.
     */
    private LatestEvent latestEventOf(String aggregateId) {
        LatestEvent latest = jdbc.query("select sequence_number, global_index from domain_event_entry "
                        + "where aggregate_identifier = ? order by sequence_number desc limit 1",
                rs -> rs.next() ? new LatestEvent(aggregateId, rs.getLong(1), rs.getLong(2)) : null, aggregateId);
        if (latest == null) {
            throw new IllegalStateException("no event of aggregate " + aggregateId + " in the command's transaction");
        }
        return latest;
    }
}
