package org.savingsledger.query.infrastructure;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.savingsledger.query.history.GenerationLifecycle;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds read models without stopping queries: each into its next generation, by a tracking
 * processor of its own that reads the event store from the start, then hands over to it (see
 * {@link ReadModelGenerations}). Runs on the instance that was asked; progress and outcome are kept
 * in MongoDB, so every instance reports them, and a rebuild whose instance stopped reporting may be
 * started again anywhere.
 */
@Component
public class ReadModelRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    /** A rebuild that has not reported for this long is taken to have died with its instance. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final ReadModelGenerations generations;
    private final GenerationLifecycle lifecycle;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final EventCoverage coverage;
    private final RebuildProcessor.Settings settings;
    private final Duration retiredKept;
    private final String node;
    private final Map<StreamKind, Rebuild> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelRebuilds(ReadModelGenerations generations, GenerationLifecycle lifecycle, EventStore eventStore,
                             TokenStore tokenStore,
                             EventCoverage coverage,
                             @Value("${ledger.rebuild.batch-size:500}") int batchSize,
                             @Value("${ledger.rebuild.segments:1}") int segments,
                             @Value("${ledger.rebuild.retired-kept:PT10M}") Duration retiredKept,
                             @Value("${ledger.node-id:}") String nodeId) {
        this.generations = generations;
        this.lifecycle = lifecycle;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.coverage = coverage;
        this.settings = new RebuildProcessor.Settings(batchSize, segments);
        this.retiredKept = retiredKept;
        this.node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }

    /**
     * Starts rebuilding the given read models. Refused as a whole, before anything starts, when one
     * of them is being rebuilt already.
     */
    public synchronized void start(Collection<StreamKind> kinds) {
        for (StreamKind kind : kinds) {
            ReadModelGenerations.State state = generations.state(kind);
            if (running.containsKey(kind) || (state.building() != null && state.heartbeatAt() != null
                    && state.heartbeatAt().isAfter(Instant.now().minus(STALE_AFTER)))) {
                throw new RebuildUnderWay(kind, state);
            }
        }
        for (StreamKind kind : kinds) {
            int generation = lifecycle.beginBuilding(kind, node, STALE_AFTER, retiredKept)
                    .orElseThrow(() -> new RebuildUnderWay(kind, generations.state(kind)));
            Rebuild rebuild = new Rebuild(kind, generation, processor(kind, generation));
            running.put(kind, rebuild);
            log.info("Rebuilding read model {} into generation {}", kind.readModel(), generation);
            rebuild.processor.start();
            rebuild.ticking = ticker.scheduleWithFixedDelay(() -> tick(rebuild), 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** How this instance's rebuilds run ({@code ledger.rebuild.batch-size}, {@code ledger.rebuild.segments}). */
    public RebuildProcessor.Settings settings() {
        return settings;
    }

    /** Whether this instance is running a rebuild of {@code kind}. */
    public boolean isRunningHere(StreamKind kind) {
        return running.containsKey(kind);
    }

    private RebuildProcessor processor(StreamKind kind, int generation) {
        HistoryStore store = generations.store(kind, generation);
        return RebuildProcessor.of(processorName(kind, generation), kind, HistoryTarget.of(store), eventStore, tokenStore,
                settings);
    }

    static String processorName(StreamKind kind, int generation) {
        return kind.readModel() + "-rebuild-g" + generation;
    }

    private void tick(Rebuild rebuild) {
        try {
            step(rebuild);
        } catch (RuntimeException e) {
            log.warn("Rebuild of {} generation {}: {}", rebuild.kind.readModel(), rebuild.generation, e.toString());
        }
    }

    private void step(Rebuild rebuild) {
        long position = rebuild.processor.position();
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (!lifecycle.heartbeat(rebuild.kind, rebuild.generation, position, head)) {
            finish(rebuild, "no longer the rebuild under way");
            return;
        }
        if (rebuild.handoffUpTo == null) {
            if (covers(rebuild.processor, head)) {
                rebuild.handoffUpTo = lifecycle.beginHandoff(rebuild.kind, rebuild.generation).orElse(null);
                rebuild.handoffStarted = Instant.now();
                if (rebuild.handoffUpTo == null) {
                    finish(rebuild, "no longer the rebuild under way");
                }
            }
        } else if (covers(rebuild.processor, rebuild.handoffUpTo)) {
            rebuild.processor.shutDown();
            boolean completed = lifecycle.complete(rebuild.kind, rebuild.generation);
            finish(rebuild, completed ? null : "abandoned during the hand-over");
        } else if (rebuild.handoffStarted.isBefore(Instant.now().minus(STALE_AFTER))) {
            generations.abandon(rebuild.kind, rebuild.generation, "did not reach the live processors' position within "
                    + STALE_AFTER.toSeconds() + " s of the hand-over");
            finish(rebuild, "hand-over timed out");
        }
    }

    /** Whether every segment of the rebuild has handled every event up to {@code index}. */
    private boolean covers(RebuildProcessor processor, long index) {
        return processor.allSegments(token -> coverage.covers(token, index));
    }

    private void finish(Rebuild rebuild, String failure) {
        rebuild.ticking.cancel(false);
        rebuild.processor.shutDown();
        running.remove(rebuild.kind);
        for (int segment = 0; segment < settings.segments(); segment++) {
            try {
                tokenStore.deleteToken(processorName(rebuild.kind, rebuild.generation), segment);
            } catch (RuntimeException e) {
                log.debug("Token of {} not deleted: {}", processorName(rebuild.kind, rebuild.generation), e.toString());
            }
        }
        if (failure == null) {
            log.info("Read model {} rebuilt: generation {} is now the one queries read", rebuild.kind.readModel(),
                    rebuild.generation);
        } else {
            log.warn("Rebuild of {} generation {} ended without switching over: {}", rebuild.kind.readModel(),
                    rebuild.generation, failure);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        for (Rebuild rebuild : List.copyOf(running.values())) {
            rebuild.processor.shutDown();
            generations.abandon(rebuild.kind, rebuild.generation, "the instance running it stopped");
        }
    }

    private static final class Rebuild {
        final StreamKind kind;
        final int generation;
        final RebuildProcessor processor;
        volatile java.util.concurrent.ScheduledFuture<?> ticking;
        Long handoffUpTo;
        Instant handoffStarted;

        Rebuild(StreamKind kind, int generation, RebuildProcessor processor) {
            this.kind = kind;
            this.generation = generation;
            this.processor = processor;
        }
    }

    /** A rebuild of the read model is already under way. */
    public static class RebuildUnderWay extends RuntimeException {

        RebuildUnderWay(StreamKind kind, ReadModelGenerations.State state) {
            super("read model " + kind.readModel() + " is already being rebuilt (generation " + state.building()
                    + " on " + state.node() + ")");
        }
    }
}
