package org.savingsledger.query.infrastructure;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.query.history.CommitteeHistoryProjection;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.OrganisationHistoryProjection;
import org.savingsledger.query.history.ProgrammeHistoryProjection;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.history.StreamKind;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The processor of one read model's rebuild: Axon's pooled streaming processor, which reads the event
 * store once and hands each event to the segment its stream belongs to, each segment handled by a
 * worker thread of its own in batches. A stream's events all fall in one segment, handled in store
 * order by one thread at a time, which the projections' idempotent writes need (see
 * {@code HistoryBatch}); programme membership, which the savings' read model keeps in the order the
 * savings were proposed, stays in that order because the savings' events are divided by programme.
 * It owns its threads: {@link #shutDown()} stops them.
 */
public final class RebuildProcessor {

    /**
     * How a rebuild's processors run: events handled per batch, and segments (and worker threads) per
     * read model.
     */
    public record Settings(int batchSize, int segments) {

        public Settings {
            if (batchSize < 1 || segments < 1) {
                throw new IllegalArgumentException("a rebuild needs a batch size and segments of 1 or more");
            }
        }

        /** As the benchmarks name them: {@code batch 500, 2 segments each}. */
        public String describe() {
            return "batch " + batchSize + ", " + segments + (segments == 1 ? " segment" : " segments") + " each";
        }
    }

    private final PooledStreamingEventProcessor processor;
    private final int segments;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    private RebuildProcessor(String name, StreamKind kind, HistoryTarget target, EventStore eventStore,
                             TokenStore tokenStore, Settings settings) {
        HistoryWriter writer = new HistoryWriter(target);
        this.segments = settings.segments();
        this.coordinator = Executors.newSingleThreadScheduledExecutor(threads(name + "-coordinator"));
        this.workers = Executors.newScheduledThreadPool(settings.segments(), threads(name + "-worker"));
        this.processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker(kind, writer))
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(settings.segments())
                .batchSize(settings.batchSize())
                .build();
        processor.registerHandlerInterceptor(writer.batchBoundaries());
    }

    /**
     * A processor of {@code kind}'s projection over the event store, writing where {@code target} says,
     * as a rebuild runs one: no transaction manager (the token follows the MongoDB writes), errors
     * propagate so a failed batch is handled again, and each batch written at its end. Without tokens
     * in {@code tokenStore} under {@code name} it starts at the first event in the store.
     */
    public static RebuildProcessor of(String name, StreamKind kind, HistoryTarget target, EventStore eventStore,
                                      TokenStore tokenStore, Settings settings) {
        return new RebuildProcessor(name, kind, target, eventStore, tokenStore, settings);
    }

    /**
     * The same projection in a single-segment tracking processor, Axon's default kind, handling
     * {@code batchSize} events a batch: what the rebuild is measured against.
     */
    public static TrackingEventProcessor tracking(String name, StreamKind kind, HistoryTarget target,
                                                  EventStore eventStore, TokenStore tokenStore, int batchSize) {
        HistoryWriter writer = new HistoryWriter(target);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker(kind, writer))
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                .build();
        processor.registerHandlerInterceptor(writer.batchBoundaries());
        return processor;
    }

    private static SimpleEventHandlerInvoker invoker(StreamKind kind, HistoryWriter writer) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(projection(kind, writer))
                .sequencingPolicy(sequencing(kind))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
    }

    /**
     * Which events must be handled in order, by one segment: a stream's. The savings' read model also
     * keeps each programme's savings in the order they were proposed, so its events go by programme
     * (every saving event names it, and a saving stays in its programme); the other read models' by
     * stream. Events of other kinds, which the projections pass over, go by their own stream.
     */
    static SequencingPolicy<EventMessage<?>> sequencing(StreamKind kind) {
        SequentialPerAggregatePolicy perStream = SequentialPerAggregatePolicy.instance();
        if (kind != StreamKind.SAVING) {
            return perStream::getSequenceIdentifierFor;
        }
        return event -> SavingEvent.class.isAssignableFrom(event.getPayloadType())
                ? ((SavingEvent) event.getPayload()).programmeId().value()
                : perStream.getSequenceIdentifierFor(event);
    }

    /** The projection that keeps {@code kind}'s read model, writing through {@code writer}. */
    public static Object projection(StreamKind kind, HistoryWriter writer) {
        return switch (kind) {
            case SAVING -> new SavingHistoryProjection(writer);
            case PROGRAMME -> new ProgrammeHistoryProjection(writer);
            case COMMITTEE -> new CommitteeHistoryProjection(writer);
            case ORGANISATION -> new OrganisationHistoryProjection(writer);
        };
    }

    public void registerHandlerInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        processor.registerHandlerInterceptor(interceptor);
    }

    public void start() {
        processor.start();
    }

    /** Stops the processor (releasing its segments) and its threads. */
    public void shutDown() {
        try {
            processor.shutDown();
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    public boolean isError() {
        return processor.isError();
    }

    public String name() {
        return processor.getName();
    }

    /**
     * The tokens of every segment, or none until the processor holds them all: a rebuild has reached
     * a position only when each of its segments has.
     */
    public List<TrackingToken> tokens() {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (statuses.size() < segments) {
            return List.of();
        }
        return statuses.stream().map(EventTrackerStatus::getTrackingToken).toList();
    }

    /** The global index every segment has passed: -1 until the processor holds them all and each has one. */
    public long position() {
        return tokens().stream().mapToLong(token -> token == null ? -1
                        : WrappedToken.unwrapLowerBound(token).position().orElse(-1))
                .min().orElse(-1);
    }

    /** Whether the processor holds every segment and each one's token (null before the first event) passes {@code test}. */
    public boolean allSegments(Predicate<TrackingToken> test) {
        List<TrackingToken> tokens = tokens();
        return !tokens.isEmpty() && tokens.stream().allMatch(test);
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
