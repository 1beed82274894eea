package org.savingsledger.query.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the read-model processors' segments fairly between the query-side instances. Axon's
 * tracking processors claim whatever segment is free, so the first instance up would keep them all;
 * every few seconds each instance records itself in {@code query_instances}, counts the instances
 * alive, and releases one segment (for a while, so another instance claims it) when it holds more
 * than its share of all read-model segments. When an instance stops, its claims lapse and the
 * others take its segments over (they run a thread per segment, so one instance can hold them all).
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final MongoCollection<Document> instances;
    private final Duration interval;
    private final String node;
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, MongoDatabase database,
                           @Value("${ledger.projection.balance-interval:PT2S}") Duration interval,
                           @Value("${ledger.node-id:}") String nodeId) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.instances = database.getCollection("query_instances");
        this.interval = interval;
        this.node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balance, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            instances.deleteOne(Filters.eq("_id", node));
        } catch (RuntimeException e) {
            log.debug("Could not sign off {}: {}", node, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    void balance() {
        try {
            Instant now = Instant.now();
            instances.replaceOne(Filters.eq("_id", node), new Document("_id", node).append("seenAt", Date.from(now)),
                    new ReplaceOptions().upsert(true));
            long alive = Math.max(1, instances.countDocuments(
                    Filters.gt("seenAt", Date.from(now.minus(interval.multipliedBy(3))))));
            int total = 0;
            int held = 0;
            StreamingEventProcessor busiest = null;
            int busiestHeld = 0;
            for (String name : QueryAxonConfig.READ_MODEL_PROCESSORS) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
                if (processor == null || !processor.isRunning()) {
                    continue;
                }
                total += tokenStore.fetchSegments(name).length;
                int here = processor.processingStatus().size();
                held += here;
                if (here > busiestHeld) {
                    busiest = processor;
                    busiestHeld = here;
                }
            }
            long share = (total + alive - 1) / alive;
            if (busiest != null && held > share) {
                int segment = busiest.processingStatus().keySet().stream().max(Integer::compare).orElseThrow();
                log.info("Releasing segment {} of {}: this instance holds {} of {} read-model segments, {} instances alive",
                        segment, busiest.getName(), held, total, alive);
                busiest.releaseSegment(segment, interval.toMillis() * 3, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.warn("Segment balancing skipped: {}", e.toString());
        }
    }
}
