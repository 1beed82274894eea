package org.savingsledger.command.infrastructure;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.rules.AggregateCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.SavingId;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The command bus's own rules, against a transaction manager and a database that write down what
 * happens to them: the consistency token is taken on the transaction before it commits, after the
 * append (from the append itself, or read when the append gave none); a failure once the commit began is an unknown outcome, one before it is not; and commands
 * beyond the bound wait for their turn without a transaction.
 */
class LedgerCommandBusTest {

    private static final SavingId SAVING = SavingId.of("race-saving");

    /** What happened, in order: begin, append, token, commit or rollback. */
    private final List<String> happened = Collections.synchronizedList(new ArrayList<>());
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final RecordingDatabase database = new RecordingDatabase();
    private final ScheduledExecutorService retryThread = Executors.newSingleThreadScheduledExecutor();

    record Touch(@TargetAggregateIdentifier SavingId savingId, Long expectedVersion) implements AggregateCommand {

        @Override
        public CommandTarget target() {
            return CommandTarget.existing(LedgerKind.SAVING, savingId.value());
        }
    }

    @AfterEach
    void stop() {
        retryThread.shutdownNow();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theTokenIsReadOnTheTransactionAfterTheAppendAndTravelsWithTheResult() {
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), appending(7L));

        CommandResultMessage<?> result = dispatch(bus);

        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
        assertThat(result.getPayload()).isEqualTo(7L);
        assertThat(result.getMetaData().get(LedgerCommandBus.TOKEN))
                .isEqualTo(new LedgerCommandBus.LatestEvent(SAVING.value(), 7, 4242));
        assertThat(happened).containsExactly("begin", "append", "token of race-saving", "commit");
    }

    @Test
    void theTokenTakenFromTheAppendNeedsNoQuery() {
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), message -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                happened.add("append");
                appendThroughAxonsStatement(8, 4343);
            });
            return 8L;
        });

        CommandResultMessage<?> result = dispatch(bus);

        assertThat(result.getMetaData().get(LedgerCommandBus.TOKEN))
                .isEqualTo(new LedgerCommandBus.LatestEvent(SAVING.value(), 8, 4343));
        assertThat(happened).containsExactly("begin", "append", "commit");
    }

    @Test
    void aCommitThatFailsLeavesTheOutcomeUnknown() {
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), appending(7L));
        RuntimeException lostWhileCommitting = new DataAccessResourceFailureException("An I/O error occurred while committing");
        transactions.commitFails(lostWhileCommitting);

        CommandResultMessage<?> result = dispatch(bus);

        assertThat(result.exceptionResult()).isInstanceOf(CommitOutcomeUnknown.class).hasCause(lostWhileCommitting);
        assertThat(happened).containsSubsequence("token of race-saving", "commit");
    }

    @Test
    void aFailureBeforeTheCommitIsReportedAsItIsAndRollsBack() {
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), appending(7L));
        RuntimeException unreachable = new DataAccessResourceFailureException("connection refused");
        database.fails(unreachable);

        CommandResultMessage<?> result = dispatch(bus);

        assertThat(result.exceptionResult()).isSameAs(unreachable);
        assertThat(happened).containsExactly("begin", "append", "token of race-saving", "rollback");
    }

    @Test
    void aCheckedExceptionFromTheHandlerRollsBackToo() {
        // Axon's default rollback configuration would commit here, and the answer would say the command failed
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), message -> {
            appending(7L).handle(message);
            throw new java.io.IOException("a checked failure after applying the event");
        });

        CommandResultMessage<?> result = dispatch(bus);

        assertThat(result.exceptionResult()).isInstanceOf(java.io.IOException.class);
        assertThat(happened).containsExactly("begin", "rollback");
    }

    @Test
    void commandsBeyondTheBoundWaitWithoutATransactionAndThenGiveUpHavingWrittenNothing() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        LedgerCommandBus bus = bus(1, Duration.ofMillis(200), message -> {
            running.countDown();
            assertThat(finish.await(10, TimeUnit.SECONDS)).isTrue();
            return appending(1L).handle(message);
        });
        CompletableFuture<CommandResultMessage<?>> first = CompletableFuture.supplyAsync(() -> dispatch(bus));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        CommandResultMessage<?> second = dispatch(bus);

        assertThat(second.exceptionResult()).isInstanceOf(CommandsBusy.class);
        assertThat(happened).as("the second command never began a transaction").containsExactly("begin");
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).isExceptional()).isFalse();
        assertThat(dispatch(bus).isExceptional()).as("the first command gave its place back").isFalse();
    }

    @Test
    void aCommandWhoseTransactionCannotBeginGivesItsPlaceBack() {
        LedgerCommandBus bus = bus(1, Duration.ofMillis(200), appending(1L));
        transactions.beginFails(new CannotCreateTransactionException("no connection"));
        assertThatThrownBy(() -> dispatch(bus)).isInstanceOf(CannotCreateTransactionException.class);

        transactions.beginFails(null);
        assertThat(dispatch(bus).isExceptional()).isFalse();
    }

    @Test
    void aCommandSentAgainAfterLosingARaceAnswersTheTokenOfItsRetryToTheSendingRequest() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        LedgerCommandBus bus = bus(5, Duration.ofSeconds(1), message -> {
            threads.add(Thread.currentThread().getName());
            if (threads.size() == 1) {
                throw new ConcurrencyException("another instance appended event 7 first");
            }
            return appending(8L).handle(message);
        });
        RequestConsistencyTokens tokens = new RequestConsistencyTokens();
        LedgerCommandGateway gateway = new LedgerCommandGateway(DefaultCommandGateway.builder().commandBus(bus)
                .retryScheduler(new ConflictRetries(retryThread, new SimpleMeterRegistry())), tokens);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        Object version = gateway.sendAndWait(new Touch(SAVING, null));

        assertThat(version).isEqualTo(8L);
        assertThat(threads).hasSize(2).doesNotHaveDuplicates();
        assertThat(tokens.tokenFor(SAVING.value(), 8)).isEqualTo("4242");
        assertThatThrownBy(() -> tokens.tokenFor("another-saving", 8)).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------------ the command bus and its surroundings

    private LedgerCommandBus bus(int concurrency, Duration admissionWait, MessageHandler<CommandMessage<?>> handler) {
        LedgerCommandBus bus = new LedgerCommandBus(SimpleCommandBus.builder().transactionManager(transactions),
                database, concurrency, admissionWait);
        bus.subscribe(Touch.class.getName(), handler);
        return bus;
    }

    /** A handler that applies one event: like Axon's event store, it appends it when the unit of work prepares to commit. */
    private MessageHandler<CommandMessage<?>> appending(long version) {
        return message -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> happened.add("append"));
            database.latestIs(version, 4242);
            return version;
        };
    }

    /** Axon's insert of one event, built by {@link IndexedAppend}, on a database that gives it {@code globalIndex}. */
    private static void appendThroughAxonsStatement(long sequenceNumber, long globalIndex) {
        try {
            Connection connection = mock(Connection.class);
            PreparedStatement insert = mock(PreparedStatement.class);
            ResultSet keys = mock(ResultSet.class);
            given(connection.prepareStatement(anyString(), any(String[].class))).willReturn(insert);
            given(insert.executeBatch()).willReturn(new int[] {1});
            given(insert.getGeneratedKeys()).willReturn(keys);
            given(keys.next()).willReturn(true, false);
            given(keys.getLong(1)).willReturn(globalIndex);
            PreparedStatement statement = new IndexedAppend().build(connection,
                    EventSchema.builder().globalIndexColumn("global_index").build(), byte[].class,
                    List.of(new GenericDomainEventMessage<>("Saving", SAVING.value(), sequenceNumber, "slipped")),
                    JacksonSerializer.defaultSerializer(), (row, index, timestamp) -> row.setString(index, timestamp.toString()));
            statement.executeBatch();
            statement.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommandResultMessage<?> dispatch(LedgerCommandBus bus) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(asCommandMessage(new Touch(SAVING, null)), callback);
        return callback.getResult(10, TimeUnit.SECONDS);
    }

    private final class RecordingTransactions implements TransactionManager {

        private volatile RuntimeException beginFailure;
        private volatile RuntimeException commitFailure;

        void beginFails(RuntimeException failure) {
            beginFailure = failure;
        }

        void commitFails(RuntimeException failure) {
            commitFailure = failure;
        }

        @Override
        public Transaction startTransaction() {
            if (beginFailure != null) {
                throw beginFailure;
            }
            happened.add("begin");
            return new Transaction() {
                @Override
                public void commit() {
                    happened.add("commit");
                    if (commitFailure != null) {
                        throw commitFailure;
                    }
                }

                @Override
                public void rollback() {
                    happened.add("rollback");
                }
            };
        }
    }

    /** Answers the token query with the event the handler appended, and says when it was asked. */
    private final class RecordingDatabase extends JdbcTemplate {

        private volatile long sequenceNumber;
        private volatile long globalIndex;
        private volatile Supplier<RuntimeException> failure;

        void latestIs(long sequenceNumber, long globalIndex) {
            this.sequenceNumber = sequenceNumber;
            this.globalIndex = globalIndex;
        }

        void fails(RuntimeException failure) {
            this.failure = () -> failure;
        }

        @Override
        public <T> T query(String sql, ResultSetExtractor<T> extractor, Object... args) {
            happened.add("token of " + args[0]);
            if (failure != null) {
                throw failure.get();
            }
            try {
                ResultSet row = mock(ResultSet.class);
                given(row.next()).willReturn(true);
                given(row.getLong(1)).willReturn(sequenceNumber);
                given(row.getLong(2)).willReturn(globalIndex);
                return extractor.extractData(row);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
