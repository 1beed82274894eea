package org.savingsledger.ops.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.RebuildProcessor;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The read-model projections run over one stretch of the event store into scratch collections, each
 * in a processor built by the rebuild's code ({@link RebuildProcessor}) with the settings of choice:
 * so that two processor settings are timed over exactly the same events.
 */
final class ProjectionRun {

    /** Events {@code first} to {@code last} (global indexes, both included), {@code events} of them. */
    record Stretch(long first, long last, long events) {
    }

    private final ApplicationContext context;

    ProjectionRun(ApplicationContext context) {
        this.context = context;
    }

    /** The {@code events} events of the store from global index {@code first} on, in their order. */
    Stretch stretch(long first, long events) throws SQLException {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             PreparedStatement last = connection.prepareStatement("select global_index from domain_event_entry"
                     + " where global_index >= ? order by global_index offset ? limit 1")) {
            last.setLong(1, first);
            last.setLong(2, events - 1);
            try (ResultSet row = last.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the store holds fewer than " + events + " events from global index " + first);
                }
                return new Stretch(first, row.getLong(1), events);
            }
        }
    }

    /** The global index of the event {@code aggregate} stored as {@code sequence}. */
    long globalIndex(String aggregate, long sequence) throws SQLException {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             PreparedStatement find = connection.prepareStatement("select global_index from domain_event_entry"
                     + " where aggregate_identifier = ? and sequence_number = ?")) {
            find.setString(1, aggregate);
            find.setLong(2, sequence);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event " + sequence + " of " + aggregate + " in the store");
                }
                return row.getLong(1);
            }
        }
    }

    /** Every event in the store, first to last, as a rebuild reads them. */
    Stretch whole() throws SQLException {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             PreparedStatement all = connection.prepareStatement("select min(global_index), max(global_index), count(*)"
                     + " from domain_event_entry");
             ResultSet row = all.executeQuery()) {
            row.next();
            return new Stretch(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    /**
     * Processors of one setting: the rebuild's own, or Axon's default kind (a tracking processor, one
     * segment) with a batch size of choice; each built by the rebuild's code around the same projection.
     */
    interface Setting {

        /** Segments per read model, each started at the stretch's first event. */
        int segments();

        Running processor(String name, StreamKind kind, HistoryTarget target, EventStore eventStore, TokenStore tokenStore);
    }

    /** A processor as the run drives it. */
    record Running(Runnable start, Runnable shutDown, BooleanSupplier isError, LongSupplier position,
                   Consumer<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
    }

    /** The rebuild's processors, with its settings. */
    static Setting rebuild(RebuildProcessor.Settings settings) {
        return new Setting() {
            @Override
            public int segments() {
                return settings.segments();
            }

            @Override
            public Running processor(String name, StreamKind kind, HistoryTarget target, EventStore eventStore,
                                     TokenStore tokenStore) {
                RebuildProcessor processor = RebuildProcessor.of(name, kind, target, eventStore, tokenStore, settings);
                return new Running(processor::start, processor::shutDown, processor::isError, processor::position,
                        processor::registerHandlerInterceptor);
            }
        };
    }

    /** Axon's default processor settings: a tracking processor of one segment and {@code batchSize} events a batch. */
    static Setting tracking(int batchSize) {
        return new Setting() {
            @Override
            public int segments() {
                return 1;
            }

            @Override
            public Running processor(String name, StreamKind kind, HistoryTarget target, EventStore eventStore,
                                     TokenStore tokenStore) {
                TrackingEventProcessor processor = RebuildProcessor.tracking(name, kind, target, eventStore, tokenStore, batchSize);
                return new Running(processor::start, processor::shutDown, processor::isError, () -> position(processor),
                        processor::registerHandlerInterceptor);
            }
        };
    }

    /**
     * Runs every read model's projection over {@code stretch}, a processor per read model at once (as
     * a rebuild of every read model runs), each as {@code setting} builds it, into the scratch generation
     * {@code scratch} of the ledger's read-model store, which is dropped afterwards. Answers the seconds
     * from the processors' start until all have passed the stretch's last event.
     */
    double seconds(String name, Setting setting, Stretch stretch, int scratch) throws InterruptedException {
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        TokenStore tokenStore = context.getBean(TokenStore.class);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        List<String> names = new ArrayList<>();
        // empty, whatever an interrupted run left there
        drop(database, scratch);
        try {
            return seconds(name, setting, stretch, kind -> generations.store(kind, scratch), tokenStore, names);
        } finally {
            // released by the shutdown, so removed directly (Axon's MongoTokenStore collection)
            database.getCollection("trackingtokens").deleteMany(Filters.in("processorName", names));
            drop(database, scratch);
        }
    }

    /** As {@link #seconds(String, Setting, Stretch, int)}, into {@code memory}'s read models and tokens. */
    double seconds(String name, Setting setting, Stretch stretch, InMemoryReadModels memory) throws InterruptedException {
        HistoryStore store = memory.store();
        return seconds(name, setting, stretch, kind -> store, memory.tokenStore(), new ArrayList<>());
    }

    private double seconds(String name, Setting setting, Stretch stretch, Function<StreamKind, HistoryStore> stores,
                           TokenStore tokenStore, List<String> names) throws InterruptedException {
        EventStore eventStore = context.getBean(EventStore.class);
        List<Running> processors = new ArrayList<>();
        try {
            for (StreamKind kind : StreamKind.values()) {
                String processorName = name + "-" + kind.readModel();
                names.add(processorName);
                // the processor finds these tokens and starts right after them: at the stretch's first event
                tokenStore.initializeTokenSegments(processorName, setting.segments(),
                        GapAwareTrackingToken.newInstance(stretch.first() - 1, Collections.emptySet()));
                Running processor = setting.processor(processorName, kind, HistoryTarget.of(stores.apply(kind)),
                        eventStore, tokenStore);
                // a batch may reach past the stretch; its events there are read but not handled, for either setting
                processor.interceptors().accept((unitOfWork, chain) ->
                        position(unitOfWork.getMessage()) > stretch.last() ? null : chain.proceed());
                processors.add(processor);
            }
            long start = System.nanoTime();
            processors.forEach(processor -> processor.start().run());
            while (processors.stream().anyMatch(processor -> processor.position().getAsLong() < stretch.last())) {
                if (processors.stream().anyMatch(processor -> processor.isError().getAsBoolean())) {
                    throw new IllegalStateException("a projection failed over events " + stretch.first() + " to " + stretch.last());
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            processors.forEach(processor -> processor.shutDown().run());
        }
    }

    /** Drops the scratch collections that exist (the embedded server logs a drop of a missing one as an error). */
    private static void drop(MongoDatabase database, int scratch) {
        java.util.Set<String> existing = database.listCollectionNames().into(new java.util.HashSet<>());
        for (StreamKind kind : StreamKind.values()) {
            kind.collections(scratch).stream().filter(existing::contains)
                    .forEach(collection -> database.getCollection(collection).drop());
        }
    }

    private static long position(Object message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = WrappedToken.unwrapLowerBound(tracked.trackingToken());
            return token.position().orElse(-1);
        }
        return -1;
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().findFirst()
                .map(status -> status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : -1L)
                .orElse(-1L);
    }
}
