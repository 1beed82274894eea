package org.savingsledger.query.infrastructure;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Health and lag of the read side on {@code /actuator/health} and {@code /actuator/prometheus}:
 * {@code mongo} (a ping), {@code eventProcessors} (down when a read-model processor of this instance has
 * stopped on an error), and per processor the gauges {@code ledger.processor.lag.events} — how many
 * events the event store holds beyond the processor's slowest segment — and {@code ledger.processor.lag}
 * (seconds) — how long the oldest of them has waited.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            Document answer = database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).withDetail("ping", answer.get("ok")).build();
        };
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return () -> {
            Health.Builder health = Health.up();
            for (String name : QueryAxonConfig.READ_MODEL_PROCESSORS) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null);
                if (processor == null) {
                    health.down().withDetail(name, "not configured");
                    continue;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("running", processor.isRunning());
                details.put("error", processor.isError());
                details.put("replaying", processor.isReplaying());
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                details.put("segmentsClaimedHere", status.size());
                status.values().stream().filter(EventTrackerStatus::isErrorState).findFirst().ifPresent(error -> {
                    details.put("segmentInError", error.getSegment().getSegmentId());
                    details.put("cause", String.valueOf(error.getError()));
                });
                if (processor.isError() || status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                    health.down();
                }
                health.withDetail(name, details);
            }
            return health.build();
        };
    }

    @Bean
    MeterBinder processorLag(EventStore eventStore, EventStorageEngine storage, ReadModelProgress progress) {
        return registry -> {
            for (String name : QueryAxonConfig.READ_MODEL_PROCESSORS) {
                Gauge.builder("ledger.processor.lag.events", () -> lag(eventStore, progress, name))
                        .description("Events in the store not yet handled by the processor's slowest segment")
                        .tag("processor", name)
                        .register(registry);
                Gauge.builder("ledger.processor.lag", () -> lagSeconds(storage, progress, name))
                        .description("How long the oldest event not yet handled by the processor's slowest segment has waited")
                        .tag("processor", name)
                        .baseUnit("seconds")
                        .register(registry);
            }
        };
    }

    /** Seconds since the first event after the slowest segment's position was stored; 0 when there is none. */
    private static double lagSeconds(EventStorageEngine storage, ReadModelProgress progress, String processor) {
        long position = progress.slowestPosition(processor);
        TrackingToken after = position < 0 ? null : GapAwareTrackingToken.newInstance(position, Collections.emptySet());
        try (Stream<? extends TrackedEventMessage<?>> next = storage.readEvents(after, false)) {
            return next.findFirst()
                    .map(event -> Math.max(0, Duration.between(event.getTimestamp(), Instant.now()).toMillis()) / 1000.0)
                    .orElse(0.0);
        }
    }

    private static long lag(EventStore eventStore, ReadModelProgress progress, String processor) {
        var headToken = eventStore.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        long position = progress.slowestPosition(processor);
        return Math.max(0, head.orElse(-1) - position);
    }

}
