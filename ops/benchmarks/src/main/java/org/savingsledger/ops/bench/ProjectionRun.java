package org.savingsledger.ops.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The three read-model projections run over one stretch of the event store into scratch
 * collections, each in a processor built as a rebuild builds its own ({@link ReadModelRebuilds#processor}),
 * with a batch size of choice: so that two processor settings are timed over exactly the same events.
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

    /**
     * Runs the three projections over {@code stretch}, three processors at once (as a rebuild of every
     * read model runs), each with {@code batchSize} events a batch and one segment, into the scratch
     * generation {@code scratch}, which is dropped afterwards. Answers the seconds from the processors'
     * start until all three have passed the stretch's last event.
     */
    double seconds(String name, int batchSize, Stretch stretch, int scratch) throws InterruptedException {
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        TokenStore tokenStore = context.getBean(TokenStore.class);
        EventStore eventStore = context.getBean(EventStore.class);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        List<TrackingEventProcessor> processors = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // empty, whatever an interrupted run left there
        drop(database, scratch);
        try {
            for (StreamKind kind : StreamKind.values()) {
                HistoryStore target = generations.store(kind, scratch);
                String processorName = name + "-" + kind.readModel();
                names.add(processorName);
                // the processor finds this token and starts right after it: at the stretch's first event
                tokenStore.initializeTokenSegments(processorName, 1,
                        GapAwareTrackingToken.newInstance(stretch.first() - 1, Collections.emptySet()));
                TrackingEventProcessor processor = ReadModelRebuilds.processor(processorName, kind,
                        HistoryTarget.of(target), eventStore, tokenStore, batchSize);
                // a batch may reach past the stretch; its events there are read but not handled, for either setting
                processor.registerHandlerInterceptor((unitOfWork, chain) ->
                        position(unitOfWork.getMessage()) > stretch.last() ? null : chain.proceed());
                processors.add(processor);
            }
            long start = System.nanoTime();
            processors.forEach(TrackingEventProcessor::start);
            while (processors.stream().anyMatch(processor -> position(processor) < stretch.last())) {
                if (processors.stream().anyMatch(TrackingEventProcessor::isError)) {
                    throw new IllegalStateException("a projection failed over events " + stretch.first() + " to " + stretch.last());
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            processors.forEach(TrackingEventProcessor::shutDown);
            // released by the shutdown, so removed directly (Axon's MongoTokenStore collection)
            database.getCollection("trackingtokens").deleteMany(Filters.in("processorName", names));
            drop(database, scratch);
        }
    }

    private static void drop(MongoDatabase database, int scratch) {
        for (StreamKind kind : StreamKind.values()) {
            kind.collections(scratch).forEach(collection -> database.getCollection(collection).drop());
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
