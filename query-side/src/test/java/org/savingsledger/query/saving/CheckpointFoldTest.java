package org.savingsledger.query.saving;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saving with a long history folded from its checkpoints gives, for any as-at instant and
 * effective date, exactly what folding every fact gives — whether the projection wrote fact by
 * fact or in processor batches, a batch delivered twice included, whether facts take effect in the
 * order they were recorded or not (a history imported at once), and whether its head was kept before
 * heads knew each bucket's earliest effective date — and a fold as at now reads one checkpoint and
 * the facts of the last bucket only, a fold effective on an early date the buckets that can hold a
 * fact effective by then only.
 */
class CheckpointFoldTest {

    private static final ProgrammeId PROGRAMME = ProgrammeId.of("p");
    private static final int FACTS = 456;
    private static final Instant START = Instant.parse("2020-04-01T09:00:00Z");
    private static final LocalDate EVERYTHING = LocalDate.of(2099, 1, 1);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    @Test
    void factByFact() {
        checkpointsFoldToWhatEveryFactFoldsTo(false);
    }

    @Test
    void inProcessorBatches() {
        checkpointsFoldToWhatEveryFactFoldsTo(true);
    }

    private void checkpointsFoldToWhatEveryFactFoldsTo(boolean batched) {
        MongoDatabase database = mongo.database("checkpoints-" + batched);
        HistoryStore store = new HistoryStore(database);
        HistoryWriter writer = new HistoryWriter(HistoryTarget.of(store));
        SavingHistoryProjection projection = new SavingHistoryProjection(writer);
        List<DomainEventMessage<SavingEvent>> events = history(SavingId.of("s-" + batched), new Random(7));
        if (batched) {
            for (int from = 0; from < events.size(); from += 37) {
                handleInBatch(writer, projection, events.subList(from, Math.min(events.size(), from + 37)));
            }
            handleInBatch(writer, projection, events.subList(190, 230));
        } else {
            events.forEach(event -> projection.on(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        }
        String id = events.get(0).getAggregateIdentifier();
        List<Fact> all = store.facts(StreamKind.SAVING, id);
        assertThat(all).hasSize(FACTS);

        Random random = new Random(11);
        Instant end = events.get(events.size() - 1).getTimestamp();
        for (int i = 0; i < 400; i++) {
            Instant asAt = START.plusSeconds(random.nextLong(end.getEpochSecond() - START.getEpochSecond() + 86_400));
            LocalDate effectiveOn = random.nextInt(4) == 0 ? LocalDate.of(2020, 4, 1).plusDays(random.nextInt(900)) : EVERYTHING;
            assertThat(SavingPosition.of(id, store.savingFolds(List.of(id), asAt, effectiveOn).get(id), asAt, effectiveOn))
                    .as("as at %s effective on %s", asAt, effectiveOn)
                    .isEqualTo(SavingPosition.of(id, all, asAt, effectiveOn));
        }
        // as at the last recording, effective on every date: the head's running fold alone, at the last version
        List<Fact> latest = store.savingFolds(List.of(id), end, EVERYTHING).get(id);
        assertThat(latest).singleElement().satisfies(whole -> {
            assertThat(whole.type()).isEqualTo("Checkpoint");
            assertThat(whole.version()).isEqualTo(FACTS - 1);
        });
        assertThat(SavingPosition.of(id, latest, end, EVERYTHING)).isEqualTo(SavingPosition.of(id, all, end, EVERYTHING));
        // one second before the last recording: the last checkpoint and the facts after it, as before
        List<Fact> before = store.savingFolds(List.of(id), end.minusSeconds(1), EVERYTHING).get(id);
        assertThat(before.get(0).type()).isEqualTo("Checkpoint");
        assertThat(before.size()).isLessThanOrEqualTo(1 + 10);
    }

    @Test
    void factsEffectiveOutOfVersionOrder() {
        MongoDatabase database = mongo.database("checkpoints-imported");
        HistoryStore store = new HistoryStore(database);
        SavingHistoryProjection projection = new SavingHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        List<DomainEventMessage<SavingEvent>> events = imported(SavingId.of("s-imported"), new Random(13));
        events.forEach(event -> projection.on(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        String id = events.get(0).getAggregateIdentifier();

        foldsEqualEveryFact(store, id, events.get(events.size() - 1).getTimestamp(), 300, new Random(17));
    }

    @Test
    void headsKeptBeforeTheyKnewEachBucketsEarliestEffectiveDate() {
        MongoDatabase database = mongo.database("checkpoints-older-heads");
        HistoryStore store = new HistoryStore(database);
        SavingHistoryProjection projection = new SavingHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        List<DomainEventMessage<SavingEvent>> ordered = history(SavingId.of("s-older-ordered"), new Random(19));
        List<DomainEventMessage<SavingEvent>> imported = imported(SavingId.of("s-older-imported"), new Random(23));
        for (List<DomainEventMessage<SavingEvent>> events : List.of(ordered, imported)) {
            // the first 203 facts projected by a release without the field, the rest by this one
            events.subList(0, 203).forEach(event -> projection.on(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
            database.getCollection("saving_heads_g1").updateOne(Filters.eq("_id", events.get(0).getAggregateIdentifier()),
                    Updates.unset("earliestEffective"));
            events.subList(203, events.size()).forEach(event -> projection.on(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        }
        // a head that never had it
        List<DomainEventMessage<SavingEvent>> never = history(SavingId.of("s-older-never"), new Random(29));
        never.forEach(event -> projection.on(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        database.getCollection("saving_heads_g1").updateOne(Filters.eq("_id", never.get(0).getAggregateIdentifier()),
                Updates.unset("earliestEffective"));

        for (List<DomainEventMessage<SavingEvent>> events : List.of(ordered, imported, never)) {
            foldsEqualEveryFact(store, events.get(0).getAggregateIdentifier(), events.get(events.size() - 1).getTimestamp(),
                    100, new Random(31));
        }
    }

    /**
     * 100 facts, one a day from 1 April 2020, each effective on the day it is recorded. As at the end,
     * effective on 15 May 2020 (the day of fact 44): bucket 4's checkpoint (facts 0 to 39, the latest
     * effective on 10 May) counts and bucket 5's (latest effective on 20 May) does not; buckets 5 to 9
     * hold facts effective from 21 May on. So the fold reads bucket 4 alone: its checkpoint (version
     * 39) and its 10 facts, of which 40 to 44 count.
     */
    @Test
    void anEarlyEffectiveOnReadsOnlyTheBucketsThatCanHoldAFactEffectiveByThen() {
        MongoDatabase database = mongo.database("checkpoints-early-effective-on");
        HistoryStore store = new HistoryStore(database);
        SavingHistoryProjection projection = new SavingHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        SavingId saving = SavingId.of("s-daily");
        LocalDate first = LocalDate.of(2020, 4, 1);
        projection.on(new SavingProposed(saving, PROGRAMME, "Saving", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(new TreeMap<>(java.util.Map.of(FinancialYear.of(2020), Money.pounds(1_000)))),
                provenance(first)), 0, START);
        for (int version = 1; version < 100; version++) {
            projection.on(new SavingDeliveryRecorded(saving, PROGRAMME, FinancialYear.of(2020), Money.pounds(1),
                    provenance(first.plusDays(version))), version, START.plus(Duration.ofDays(version)));
        }
        Instant end = START.plus(Duration.ofDays(99));

        List<Fact> read = store.savingFolds(List.of("s-daily"), end, LocalDate.of(2020, 5, 15)).get("s-daily");

        assertThat(read).extracting(Fact::version).containsExactly(39L, 40L, 41L, 42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L);
        assertThat(read.get(0).type()).isEqualTo("Checkpoint");
        // delivered: £39 by the checkpoint and £5 by facts 40 to 44
        assertThat(SavingPosition.of("s-daily", read, end, LocalDate.of(2020, 5, 15)).orElseThrow()
                .delivered().get(FinancialYear.of(2020)).amount()).isEqualByComparingTo("44.00");
        foldsEqualEveryFact(store, "s-daily", end, 300, new Random(37));
    }

    /** For {@code questions} random questions, the fold from checkpoints and the buckets picked equals the fold of every fact. */
    private static void foldsEqualEveryFact(HistoryStore store, String id, Instant end, int questions, Random random) {
        List<Fact> all = store.facts(StreamKind.SAVING, id);
        LocalDate firstEffective = all.stream().map(Fact::effectiveDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastEffective = all.stream().map(Fact::effectiveDate).max(LocalDate::compareTo).orElseThrow();
        long span = end.getEpochSecond() - START.getEpochSecond();
        for (int i = 0; i < questions; i++) {
            Instant asAt = START.plusSeconds(random.nextLong(span + 86_400) - 3_600);
            LocalDate effectiveOn = i % 5 == 0 ? EVERYTHING
                    : firstEffective.plusDays(random.nextInt((int) (lastEffective.toEpochDay() - firstEffective.toEpochDay()) + 30) - 10);
            assertThat(SavingPosition.of(id, store.savingFolds(List.of(id), asAt, effectiveOn).get(id), asAt, effectiveOn))
                    .as("%s as at %s effective on %s", id, asAt, effectiveOn)
                    .isEqualTo(SavingPosition.of(id, all, asAt, effectiveOn));
        }
    }

    /**
     * A history loaded at once: every fact recorded within minutes of the proposal, effective on a
     * date anywhere in six years, in no order; some stamped by a clock behind.
     */
    private static List<DomainEventMessage<SavingEvent>> imported(SavingId saving, Random random) {
        List<DomainEventMessage<SavingEvent>> events = new ArrayList<>();
        TreeMap<FinancialYear, Money> profile = new TreeMap<>();
        for (int year = 2020; year < 2026; year++) {
            profile.put(FinancialYear.of(year), Money.pounds(1_000_000));
        }
        events.add(message(saving, 0, START, new SavingProposed(saving, PROGRAMME, "Saving", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(profile), provenance(LocalDate.of(2020, 4, 1)))));
        for (int version = 1; version < FACTS; version++) {
            Instant stamped = START.plusMillis(version * 500L - (random.nextInt(20) == 0 ? 1_500 : 0));
            LocalDate effective = LocalDate.of(2020, 4, 1).plusDays(random.nextInt(6 * 365));
            FinancialYear year = FinancialYear.of(2020 + random.nextInt(5));
            Money amount = Money.ofPence(1 + random.nextInt(100_000));
            SavingEvent event = switch (random.nextInt(4)) {
                case 0 -> new SavingDeliveryRecorded(saving, PROGRAMME, year, amount, provenance(effective));
                case 1 -> new SavingSlippedToYear(saving, PROGRAMME, year, year.next(), amount, provenance(effective));
                case 2 -> new SavingStageChanged(saving, PROGRAMME, Stage.IN_DELIVERY, Stage.values()[random.nextInt(3)],
                        provenance(effective));
                default -> new SavingDeliveryCorrected(saving, PROGRAMME, year, amount.negate(), provenance(effective));
            };
            events.add(message(saving, version, stamped, event));
        }
        return events;
    }

    /** As a processor handles a batch: each event inside the writer's batch boundaries. */
    private static void handleInBatch(HistoryWriter writer, SavingHistoryProjection projection,
                                      List<DomainEventMessage<SavingEvent>> batch) {
        MessageHandlerInterceptor<EventMessage<?>> boundaries = writer.batchBoundaries();
        new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(batch)).executeWithResult(() -> {
            @SuppressWarnings("unchecked")
            UnitOfWork<EventMessage<?>> unitOfWork = (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
            DomainEventMessage<?> message = (DomainEventMessage<?>) unitOfWork.getMessage();
            return boundaries.handle(unitOfWork, () -> {
                projection.on((SavingEvent) message.getPayload(), message.getSequenceNumber(), message.getTimestamp());
                return null;
            });
        });
    }

    /** Deliveries, slips, bring-forwards, corrections, RAG and stage changes; some effective later than recorded, some stamped by a clock behind. */
    private static List<DomainEventMessage<SavingEvent>> history(SavingId saving, Random random) {
        List<DomainEventMessage<SavingEvent>> events = new ArrayList<>();
        TreeMap<FinancialYear, Money> profile = new TreeMap<>();
        for (int year = 2020; year < 2026; year++) {
            profile.put(FinancialYear.of(year), Money.pounds(1_000_000));
        }
        Instant recorded = START;
        events.add(message(saving, 0, recorded, new SavingProposed(saving, PROGRAMME, "Saving", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(profile), provenance(LocalDate.of(2020, 4, 1)))));
        Rag rag = null;
        for (int version = 1; version < FACTS; version++) {
            recorded = recorded.plusSeconds(3_600L * (1 + random.nextInt(48)));
            Instant stamped = random.nextInt(20) == 0 ? recorded.minusMillis(1500) : recorded;
            LocalDate effective = LocalDate.ofInstant(recorded, ZoneOffset.UTC).plusDays(random.nextInt(10) == 0 ? 60 : 0);
            FinancialYear year = FinancialYear.of(2020 + random.nextInt(5));
            Money amount = Money.ofPence(1 + random.nextInt(100_000));
            SavingEvent event;
            switch (random.nextInt(6)) {
                case 0 -> event = new SavingDeliveryRecorded(saving, PROGRAMME, year, amount, provenance(effective));
                case 1 -> event = new SavingSlippedToYear(saving, PROGRAMME, year, year.next(), amount, provenance(effective));
                case 2 -> event = new SavingBroughtForward(saving, PROGRAMME, year.next(), year, amount, provenance(effective));
                case 3 -> event = new SavingDeliveryCorrected(saving, PROGRAMME, year, amount.negate(), provenance(effective));
                case 4 -> event = new SavingStageChanged(saving, PROGRAMME, Stage.IN_DELIVERY,
                        Stage.values()[random.nextInt(3)], provenance(effective));
                default -> {
                    Rag next = Rag.values()[random.nextInt(Rag.values().length)];
                    event = new SavingRagChanged(saving, PROGRAMME, rag, next, provenance(effective));
                    rag = next;
                }
            }
            events.add(message(saving, version, stamped, event));
        }
        return events;
    }

    private static DomainEventMessage<SavingEvent> message(SavingId saving, long version, Instant recorded, SavingEvent event) {
        return new GenericDomainEventMessage<>("Saving", saving.value(), version, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recorded);
    }

    private static Provenance provenance(LocalDate effective) {
        return new Provenance("tester", "because", effective, null);
    }
}
