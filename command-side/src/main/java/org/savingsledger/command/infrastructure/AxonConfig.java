package org.savingsledger.command.infrastructure;

import com.zaxxer.hikari.HikariConfigMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.savingsledger.events.upcasting.PositionReportPresentedUpcaster;
import org.axonframework.serialization.json.JacksonSerializer;
import org.savingsledger.events.EventJson;
import org.savingsledger.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * All Axon wiring of the command side. Events, snapshots and messages are JSON written by the one
 * event mapping, {@link EventJson}, independent of the HTTP one. Bean methods are static so that the {@code @Autowired}
 * methods below, which need the command bus, don't make this class part of a creation cycle.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    private static final Logger log = LoggerFactory.getLogger(AxonConfig.class);

    /**
     * The gateway the controllers send through, retrying commands that lost a race (see {@link ConflictRetries})
     * and keeping each result's consistency token with the request that sent it.
     */
    @Bean(destroyMethod = "")
    org.axonframework.commandhandling.gateway.CommandGateway commandGateway(
            org.axonframework.commandhandling.CommandBus commandBus, io.micrometer.core.instrument.MeterRegistry registry,
            java.util.concurrent.ScheduledExecutorService conflictRetryExecutor, RequestConsistencyTokens tokens) {
        return new LedgerCommandGateway(org.axonframework.commandhandling.gateway.DefaultCommandGateway.builder()
                .commandBus(commandBus).retryScheduler(new ConflictRetries(conflictRetryExecutor, registry)), tokens);
    }

    /**
     * Axon's command bus as its auto-configuration builds it, bounded and answering with the token of its
     * append ({@link LedgerCommandBus}). {@code ledger.commands.concurrency} commands run at once: by
     * default half the connection pool, so that the other half serves the idempotency filter, the
     * directory checks, the read models' processors (in the all-in-one) and health checks.
     */
    @Bean(destroyMethod = "")
    @Qualifier("localSegment")
    static LedgerCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axon,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                       JdbcTemplate jdbc, DataSource dataSource,
                                       @Value("${ledger.commands.concurrency:0}") int concurrency,
                                       @Value("${ledger.commands.admission-wait:PT10S}") Duration admissionWait)
            throws SQLException {
        int places = concurrency > 0 ? concurrency : Math.max(1, poolSize(dataSource) / 2);
        log.info("At most {} commands run at once (ledger.commands.concurrency), each waiting at most {} for its turn",
                places, admissionWait);
        LedgerCommandBus commandBus = new LedgerCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")), jdbc, places, admissionWait);
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    private static int poolSize(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(HikariConfigMXBean.class)) {
            return dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize();
        }
        log.warn("The connection pool's size is unknown ({}); assuming 10: set ledger.commands.concurrency below it",
                dataSource.getClass().getName());
        return 10;
    }

    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService conflictRetryExecutor() {
        return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @Primary
    static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    static Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    static Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Tells Axon which storage failures are duplicate keys, so that creating an aggregate with an id
     * in use becomes {@code AggregateStreamCreationException} and a lost race on a sequence number a
     * {@code ConcurrencyException}. Axon's default reads vendor error codes, which the PostgreSQL
     * driver leaves at 0 for batch inserts; the SQL state {@code 23505} (unique violation) is reliable.
     */
    @Bean
    static PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                    if ("23505".equals(sql.getSQLState())) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /**
     * The upcaster chain: Axon applies every {@code EventUpcaster} bean to events read from the store, in
     * bean order. Defined here, with the storage engine, so a deployment upcasts once.
     */
    @Bean
    static PositionReportPresentedUpcaster positionReportPresentedUpcaster() {
        return new PositionReportPresentedUpcaster();
    }

    /** Axon's JDBC event store as its auto-configuration builds it; its insert returns each event's global index. */
    @Bean
    static org.axonframework.eventsourcing.eventstore.EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            PersistenceExceptionResolver exceptions, @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration axon, org.axonframework.common.jdbc.ConnectionProvider connections,
            TransactionManager transactionManager, EventSchema eventSchema) {
        return org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer).upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions).eventSerializer(eventSerializer).snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections).transactionManager(transactionManager).schema(eventSchema)
                .appendEvents(new IndexedAppend()).build();
    }

    /** Snake-case names, as created by the Flyway migration {@code V1__event_store.sql}. */
    @Bean
    static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    static SnapshotTriggerDefinition savingSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    static SnapshotTriggerDefinition programmeSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The directory is updated in the command's own unit of work (subscribing processor), and a
     * failure there must undo the command rather than be logged and ignored. (Subscribing mode
     * itself is set in {@code command-side.yml}.)
     */
    @Autowired
    void configureLedgerDirectory(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(JdbcLedgerDirectory.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /** Metadata key of the HTTP request's correlation id on commands and on the events they cause. */
    public static final String REQUEST_CORRELATION_ID = "requestCorrelationId";

    /**
     * Copies the request's correlation id from a command to the events it applies. (Axon's own
     * {@code correlationId}/{@code traceId} keys name messages, not requests, so ours has its own key.)
     */
    @Bean
    static CorrelationDataProvider requestCorrelationProvider() {
        return new SimpleCorrelationDataProvider(REQUEST_CORRELATION_ID);
    }

    /** Axon's own trace and correlation ids between messages, which a provider bean of ours would otherwise replace. */
    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Puts the correlation id of the request being served, if any, on every command sent. */
    @Autowired
    void tagCommandsWithTheRequest(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
            return correlationId == null ? command : command.andMetaData(Map.of(REQUEST_CORRELATION_ID, correlationId));
        });
    }

    /** Metrics first, so they also see commands the target check refuses. */
    @Autowired
    void registerCommandInterceptors(CommandBus commandBus, EventBus eventBus, MeterRegistry meterRegistry) {
        CommandMetrics metrics = new CommandMetrics(meterRegistry);
        commandBus.registerHandlerInterceptor(metrics);
        commandBus.registerHandlerInterceptor(new CommandTargetCheck());
        eventBus.registerDispatchInterceptor(metrics.eventCounter());
    }
}
