package org.savingsledger.query.infrastructure;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.StreamKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * All Axon wiring of the query side: tracking tokens in MongoDB next to the read models they
 * describe, and the tracking processors of the read models.
 */
@Configuration(proxyBeanMethods = false)
public class QueryAxonConfig {

    /** The processing groups of the read models; read-your-writes waits for every one of them. */
    public static final List<String> READ_MODEL_PROCESSORS = Arrays.stream(StreamKind.values()).map(StreamKind::readModel).toList();

    /**
     * Tokens next to the read models. {@code ledger.node-id} names this instance in segment claims: by
     * default the JVM's name (pid@host), which two instances in one JVM would share.
     */
    @Bean
    static TokenStore tokenStore(MongoDatabase database, Serializer serializer,
                                 @Value("${ledger.node-id:}") String nodeId) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, MeterRegistry meterRegistry, HistoryWriter writer,
                             @Value("${ledger.projection.batch-size:100}") int batchSize,
                             @Value("${ledger.projection.segments:1}") int segments) {
        for (StreamKind kind : StreamKind.values()) {
            String processor = kind.readModel();
            // a thread per segment, so that one instance can hold every segment when it is alone
            processing.registerTrackingEventProcessorConfiguration(processor, configuration ->
                    TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                            .andInitialSegmentsCount(segments)
                            .andTokenClaimInterval(1, java.util.concurrent.TimeUnit.SECONDS)
                            .andBatchSize(batchSize));
            // Read models and tokens live in MongoDB, outside any transaction. With a transaction manager
            // (Spring's, for the event store's database) Axon stores a batch's token *before* handling it,
            // counting on a rollback that cannot undo a Mongo write: a query could then see the token
            // cover an event its read model does not hold yet. Without one, the token follows the writes.
            processing.registerTransactionManager(processor, configuration -> NoTransactionManager.instance());
            processing.registerHandlerInterceptor(processor, configuration -> countEvents(processor, meterRegistry));
            // admits each batch into a generation at its first write and writes it after its last event
            processing.registerHandlerInterceptor(processor, configuration -> writer.batchBoundaries());
        }
    }

    /** {@code ledger.processor.events}: events each read-model processor handled, by outcome (handled, error). */
    private static MessageHandlerInterceptor<EventMessage<?>> countEvents(String processor, MeterRegistry registry) {
        Counter handled = Counter.builder("ledger.processor.events").tag("processor", processor).tag("outcome", "handled")
                .description("Events handled by a read-model processor").register(registry);
        Counter failed = Counter.builder("ledger.processor.events").tag("processor", processor).tag("outcome", "error")
                .description("Events handled by a read-model processor").register(registry);
        return (unitOfWork, chain) -> {
            try {
                Object result = chain.proceed();
                handled.increment();
                return result;
            } catch (Exception e) {
                failed.increment();
                throw e;
            }
        };
    }
}
