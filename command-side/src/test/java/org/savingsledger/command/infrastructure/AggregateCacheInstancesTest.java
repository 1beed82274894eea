package org.savingsledger.command.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.Registration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.http.LedgerHttpTest;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.Saving;
import org.savingsledger.command.security.OrganisationAccess;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two command-side instances on the one event store, each with its own aggregate cache: the application
 * ("A", its command gateway) and a second Axon configuration built here ("B") with the same storage, directory
 * and checks. They take turns on one saving, so each usually finds its cached copy one event behind the store.
 * Every command must be decided on the store's latest state (a delivery correction is allowed or refused by
 * what was delivered, so a decision on the cached copy would differ), every event stored exactly once.
 */
@LedgerHttpTest
class AggregateCacheInstancesTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2024/25");
    private static final Provenance BY = new Provenance("editor", "two instances", LocalDate.of(2024, 6, 1), null);

    @Autowired
    CommandGateway instanceA;
    @Autowired
    EventStorageEngine events;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    Serializer serializer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerDirectory directory;
    @Autowired
    org.axonframework.commandhandling.CommandBus commandBusOfA;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("savingCache")
    org.axonframework.common.caching.Cache cacheOfA;

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private AggregateCache cacheOfB;
    private Configuration b;
    private CommandGateway instanceB;
    private SavingId saving;

    @BeforeEach
    void start() {
        cacheOfB = new AggregateCache(events, 100);
        b = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> events)
                .configureTransactionManager(c -> transactionManager)
                .configureSerializer(c -> serializer)
                .configureCommandBus(c -> SimpleCommandBus.builder().transactionManager(transactionManager)
                        .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE).build())
                .registerComponent(ParameterResolverFactory.class, c -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Saving.class),
                        new SimpleResourceParameterResolverFactory(Set.of(new CurrentCommandIds()))))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Saving.class).configureCache(c -> cacheOfB))
                .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                        .registerEventHandler(c -> new JdbcLedgerDirectory(jdbc))
                        .registerEventHandler(c -> new JdbcSavingYears(jdbc))
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()))
                .buildConfiguration();
        b.start();
        new CommandLookup(directory, new OrganisationAccess()).register(b.commandBus());
        b.commandBus().registerHandlerInterceptor(new CommandTargetCheck());
        b.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            // a failure after the handler applied its event, as a refusal by the directory would be
            if (unitOfWork.getMessage().getPayload() instanceof RecordSavingDelivered delivered
                    && delivered.amount().equals(Money.ofPence(4_04))) {
                throw new IllegalStateException("failed after the handler");
            }
            return result;
        });
        instanceB = DefaultCommandGateway.builder().commandBus(b.commandBus())
                .retryScheduler(new ConflictRetries(retries, new SimpleMeterRegistry())).build();

        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = OrganisationId.of("cache-org-" + run);
        ProgrammeId programme = ProgrammeId.of("cache-programme-" + run);
        saving = SavingId.of("cache-saving-" + run);
        instanceA.sendAndWait(new RegisterOrganisation(organisation, "Two instances", null, BY));
        instanceA.sendAndWait(new LaunchProgramme(programme, organisation.value(), "Two instances", null,
                Money.pounds(1_000_000), FinancialYear.parse("2023/24"), FinancialYear.parse("2026/27"), BY));
        instanceA.sendAndWait(new ProposeSaving(saving, programme, "Shared saving", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(YEAR, Money.pounds(1_000))), BY));
    }

    @AfterEach
    void stop() {
        b.shutdown();
        retries.shutdownNow();
    }

    @Test
    void everyCommandIsDecidedOnTheStoresLatestStateWhicheverInstanceCachedTheSavingLast() {
        assertThat((Object) instanceA.sendAndWait(deliver(100, null))).isEqualTo(1L);
        assertThat((Object) instanceB.sendAndWait(deliver(200, null))).isEqualTo(2L);
        // A's copy has 100 delivered, which could not take -250; the store has 300
        assertThat((Object) instanceA.sendAndWait(correct(-250))).isEqualTo(3L);
        // B's copy (event 2) is behind: a client that saw event 3 names it, and is not told of a conflict
        assertThat((Object) instanceB.sendAndWait(deliver(30, 3L))).isEqualTo(4L);
        // A's copy (event 3) has 50 delivered, which could not take -70; the store has 80
        assertThat((Object) instanceA.sendAndWait(correct(-70))).isEqualTo(5L);
        // B's copy (event 4) has 80 delivered, which could take -20; the store has 10, which cannot
        assertThatThrownBy(() -> instanceB.sendAndWait(correct(-20))).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("below 0");
        assertThat((Object) instanceB.sendAndWait(deliver(5, null))).isEqualTo(6L);

        // 100 + 200 - 250 + 30 - 70 + 5, each stored once, in sequence 0 to 6 (0: the proposal)
        assertThat(storedMoney()).containsExactly(new BigDecimal("100.00"), new BigDecimal("200.00"),
                new BigDecimal("-250.00"), new BigDecimal("30.00"), new BigDecimal("-70.00"), new BigDecimal("5.00"));
        assertThat(sequenceNumbers()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(deliveredInTheDirectory()).isEqualByComparingTo("15.00");
    }

    @Test
    void aCommandThatFailsAfterItsHandlerChangedTheAggregateLeavesNothingOfItInTheCache() {
        assertThat((Object) instanceB.sendAndWait(deliver(100, null))).isEqualTo(1L);
        assertThat(cacheOfB.containsKey(saving.value())).isTrue();

        assertThatThrownBy(() -> instanceB.sendAndWait(new RecordSavingDelivered(saving, YEAR, Money.ofPence(4_04), BY, null)))
                .hasMessageContaining("failed after the handler");

        assertThat(cacheOfB.containsKey(saving.value())).isFalse();
        assertThat((Object) instanceB.sendAndWait(deliver(1, null))).isEqualTo(2L);
        assertThat(storedMoney()).containsExactly(new BigDecimal("100.00"), new BigDecimal("1.00"));
        assertThat(sequenceNumbers()).containsExactly(0L, 1L, 2L);
        assertThat(deliveredInTheDirectory()).isEqualByComparingTo("101.00");
    }

    @Test
    void anEntryBehindTheStoreIsDroppedWhenAskedFor() {
        assertThat((Object) instanceA.sendAndWait(deliver(100, null))).isEqualTo(1L);
        assertThat(cacheOfA.containsKey(saving.value())).isTrue();
        assertThat((Object) instanceB.sendAndWait(deliver(1, null))).isEqualTo(2L);

        Object asked = transactionManager.fetchInTransaction(() -> cacheOfA.get(saving.value()));

        assertThat(asked).isNull();
        assertThat(cacheOfA.containsKey(saving.value())).isFalse();
        assertThat((Object) instanceA.sendAndWait(deliver(1, null))).isEqualTo(3L);
        assertThat(cacheOfA.containsKey(saving.value())).isTrue();
    }

    /**
     * A's delivery reads the saving's last sequence number with its directory lookup as it is sent (1, the number
     * of A's copy); B then delivers (event 2) before A's command loads the saving. A's copy matches the number its
     * command was sent with, so its append (as event 2) loses the race on the unique sequence number: nothing of it
     * is stored, the copy is dropped and the command runs again on the store's state.
     */
    @Test
    void aCommandWhoseLookupIsOvertakenByAnotherInstanceLosesTheRaceAndRunsAgainOnTheStoresState() {
        assertThat((Object) instanceA.sendAndWait(deliver(100, null))).isEqualTo(1L);
        double retriesBefore = meters.counter("ledger.commands.retries").count();
        AtomicBoolean overtaken = new AtomicBoolean();
        Registration between = commandBusOfA.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof RecordSavingDelivered delivered
                    && delivered.amount().equals(Money.pounds(7)) && overtaken.compareAndSet(false, true)) {
                assertThat(message.getMetaData().get(AggregateCache.SentWith.METADATA_KEY))
                        .isEqualTo(new AggregateCache.SentWith(saving.value(), 1L));
                assertThat((Object) instanceB.sendAndWait(deliver(1, null))).isEqualTo(2L);
            }
            return message;
        });
        try {
            assertThat((Object) instanceA.sendAndWait(deliver(7, null))).isEqualTo(3L);
        } finally {
            between.cancel();
        }

        assertThat(overtaken).isTrue();
        assertThat(meters.counter("ledger.commands.retries").count()).isEqualTo(retriesBefore + 1);
        // 100 + 1 + 7, each stored once
        assertThat(storedMoney()).containsExactly(new BigDecimal("100.00"), new BigDecimal("1.00"), new BigDecimal("7.00"));
        assertThat(sequenceNumbers()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(deliveredInTheDirectory()).isEqualByComparingTo("108.00");
    }

    private RecordSavingDelivered deliver(long pounds, Long expectedVersion) {
        return new RecordSavingDelivered(saving, YEAR, Money.pounds(pounds), BY, expectedVersion);
    }

    private CorrectSavingDelivery correct(long pounds) {
        return new CorrectSavingDelivery(saving, YEAR, Money.pounds(pounds), BY, null);
    }

    private List<DomainEventMessage<?>> stored() {
        try (Stream<? extends DomainEventMessage<?>> stream = events.readEvents(saving.value()).asStream()) {
            return stream.<DomainEventMessage<?>>map(event -> event).toList();
        }
    }

    private List<Long> sequenceNumbers() {
        return stored().stream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private List<BigDecimal> storedMoney() {
        return stored().stream().map(DomainEventMessage::getPayload).<BigDecimal>mapMulti((payload, out) -> {
            if (payload instanceof SavingDeliveryRecorded recorded) {
                out.accept(recorded.amount().amount());
            } else if (payload instanceof SavingDeliveryCorrected corrected) {
                out.accept(corrected.amount().amount());
            }
        }).toList();
    }

    private BigDecimal deliveredInTheDirectory() {
        return jdbc.queryForObject("select delivered_total from ledger_directory where id = ?", BigDecimal.class,
                saving.value());
    }
}
