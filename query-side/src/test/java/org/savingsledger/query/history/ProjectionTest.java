package org.savingsledger.query.history;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.CommitteeView;
import org.savingsledger.query.committee.ReportRef;
import org.savingsledger.query.committee.ReportView;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.MoneyChange;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.saving.SavingQueries;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections' handlers called directly, for every event type, on an in-memory MongoDB server. */
class ProjectionTest {

    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc");
    private static final SavingId SAVING = SavingId.of("column-b");
    private static final CommitteeId COMMITTEE = CommitteeId.of("ascph");
    private static final FinancialYear Y18 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y19 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y20 = FinancialYear.parse("2020/21");
    private static final Instant T0 = Instant.parse("2018-02-26T09:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");
    private static final LocalDate EVERYTHING = LocalDate.of(2099, 1, 1);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private MongoDatabase database;
    private HistoryStore store;
    private SavingQueries savings;
    private ProgrammeQueries programmes;
    private CommitteeQueries committees;
    private final List<Runnable> deliveries = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        database = mongo.database("test_" + System.nanoTime());
        store = new HistoryStore(database);
        savings = new SavingQueries(store, Visibility.allOrganisations());
        programmes = new ProgrammeQueries(store, Visibility.allOrganisations());
        committees = new CommitteeQueries(store, Visibility.allOrganisations());
    }

    /** Writes into {@link #store}, a batch at a time inside a processor batch. */
    private HistoryWriter writer() {
        return new HistoryWriter(HistoryTarget.of(store));
    }

    private static Provenance on(String date, String reason) {
        return new Provenance("finance-officer", reason, LocalDate.parse(date), "ASC&PH Committee 2018-03-12 item 9");
    }

    /** Every event type once, in order; each event is remembered so it can be delivered again. */
    private void project() {
        ProgrammeHistoryProjection programmes = new ProgrammeHistoryProjection(writer());
        SavingHistoryProjection savings = new SavingHistoryProjection(writer());
        CommitteeHistoryProjection committees = new CommitteeHistoryProjection(writer());
        deliveries.add(() -> programmes.on(new ProgrammeLaunched(PROGRAMME, "nottinghamshire", "ASC savings", null,
                Money.pounds(17_981_000), Y18, FinancialYear.parse("2021/22"), on("2018-02-26", null)), 0, T0));
        deliveries.add(() -> programmes.on(new ProgrammeTargetRevised(PROGRAMME, Money.pounds(17_981_000),
                Money.pounds(18_000_000), on("2018-03-01", "MTFS")), 1, T0.plusSeconds(1)));
        deliveries.add(() -> programmes.on(new ProgrammeBudgetApproved(PROGRAMME, Money.pounds(1_370_240),
                on("2018-03-12", "posts")), 2, T0.plusSeconds(2)));
        deliveries.add(() -> programmes.on(new ProgrammeCostDrawnDown(PROGRAMME, Money.pounds(685_120),
                on("2019-03-31", "year one")), 3, T0.plusSeconds(3)));
        deliveries.add(() -> savings.on(new SavingProposed(SAVING, PROGRAMME, "Council savings in Newton scope",
                "Promoting Independence", "Director", Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(Map.of(Y18, Money.pounds(5_379_000), Y19, Money.pounds(3_461_000), Y20,
                        Money.pounds(1_696_000))), on("2018-02-26", null)), 0, T0.plusSeconds(10)));
        deliveries.add(() -> savings.on(new SavingProfileRevised(SAVING, PROGRAMME, SavingsProfile.EMPTY,
                SavingsProfile.of(Map.of(Y18, Money.pounds(5_379_000), Y19, Money.pounds(3_500_000), Y20,
                        Money.pounds(1_696_000))), on("2018-03-01", "re-profiled")), 1, T0.plusSeconds(11)));
        deliveries.add(() -> savings.on(new SavingSlippedToYear(SAVING, PROGRAMME, Y18, Y20, Money.pounds(1_000_000),
                on("2018-03-12", "Newton")), 2, T0.plusSeconds(12)));
        deliveries.add(() -> savings.on(new SavingBroughtForward(SAVING, PROGRAMME, Y20, Y19, Money.pounds(100_000),
                on("2018-03-12", "ahead")), 3, T0.plusSeconds(13)));
        deliveries.add(() -> savings.on(new SavingDeliveryRecorded(SAVING, PROGRAMME, Y18, Money.of("80835.55"),
                on("2019-03-15", "outturn")), 4, T0.plusSeconds(14)));
        deliveries.add(() -> savings.on(new SavingDeliveryCorrected(SAVING, PROGRAMME, Y18, Money.of("-716.00"),
                on("2019-03-20", "double counted")), 5, T0.plusSeconds(15)));
        deliveries.add(() -> savings.on(new SavingStageChanged(SAVING, PROGRAMME, Stage.IN_DELIVERY, Stage.DELIVERED,
                on("2019-04-01", "done")), 6, T0.plusSeconds(16)));
        deliveries.add(() -> savings.on(new SavingConfidenceChanged(SAVING, PROGRAMME, Confidence.CONFIDENT,
                Confidence.STRETCH, on("2019-04-01", "less sure")), 7, T0.plusSeconds(17)));
        deliveries.add(() -> savings.on(new SavingRagChanged(SAVING, PROGRAMME, null, Rag.AMBER,
                on("2019-04-01", "risk")), 8, T0.plusSeconds(18)));
        deliveries.add(() -> committees.on(new CommitteeEstablished(COMMITTEE, "nottinghamshire", "ASC&PH Committee",
                on("2018-03-12", null)), 0, T0.plusSeconds(20)));
        deliveries.add(() -> committees.on(new ProgrammeAssignedToCommittee(COMMITTEE, PROGRAMME,
                on("2018-03-12", null)), 1, T0.plusSeconds(21)));
        deliveries.add(() -> committees.on(new PositionReportPresented(COMMITTEE, ReportId.of("r1"),
                LocalDate.of(2018, 3, 12), "Figure 1", List.of(PROGRAMME), T0.plusSeconds(30),
                on("2018-03-12", null)), 2, T0.plusSeconds(30)));
        deliveries.add(() -> savings.on(new SavingWithdrawn(SAVING, PROGRAMME, on("2020-01-01", "superseded")), 9,
                T0.plusSeconds(40)));
        deliveries.forEach(Runnable::run);
    }

    @Test
    void everySavingEventShowsInTheSavingAndItsHistory() {
        project();
        SavingView view = savings.saving(SAVING.value(), T0.plusSeconds(19), EVERYTHING).orElseThrow();

        assertThat(view.profile()).containsEntry(Y18, Total.pounds(4_379_000)).containsEntry(Y19, Total.pounds(3_600_000))
                .containsEntry(Y20, Total.pounds(2_596_000));
        assertThat(view.delivered()).containsEntry(Y18, Total.of("80119.55"));
        assertThat(view.stage()).isEqualTo("DELIVERED");
        assertThat(view.confidence()).isEqualTo("STRETCH");
        assertThat(view.rag()).isEqualTo("AMBER");
        assertThat(view.withdrawn()).isFalse();
        assertThat(view.version()).isEqualTo(8);

        List<HistoryEntry> history = savings.history(SAVING.value(), FAR_FUTURE, EVERYTHING).orElseThrow();
        assertThat(history).extracting(HistoryEntry::type).containsExactly("SavingProposed",
                "SavingProfileRevised", "SavingSlippedToYear", "SavingBroughtForward", "SavingDeliveryRecorded",
                "SavingDeliveryCorrected", "SavingStageChanged", "SavingConfidenceChanged", "SavingRagChanged",
                "SavingWithdrawn");
        assertThat(history.get(2).changes()).containsExactly(
                new MoneyChange("2018/19", "planned", Total.pounds(5_379_000), Total.pounds(4_379_000)),
                new MoneyChange("2020/21", "planned", Total.pounds(1_696_000), Total.pounds(2_696_000)));
        assertThat(history.get(1).changes()).containsExactly(
                new MoneyChange("2019/20", "planned", Total.pounds(3_461_000), Total.pounds(3_500_000)));
        assertThat(history.get(5).reason()).isEqualTo("double counted");
    }

    @Test
    void programmeAndCommitteeEventsShowInTheirViews() {
        project();
        ProgrammeSummary summary = programmes.programme(PROGRAMME.value(), T0.plusSeconds(19), EVERYTHING).orElseThrow();
        assertThat(summary.savingsTarget()).isEqualTo(Total.pounds(18_000_000));
        assertThat(summary.budgetApproved()).isEqualTo(Total.pounds(1_370_240));
        assertThat(summary.costDrawnDown()).isEqualTo(Total.pounds(685_120));
        assertThat(summary.totals().planned()).isEqualTo(Total.pounds(10_575_000));
        assertThat(summary.totals().gapToTarget()).isEqualTo(Total.pounds(7_425_000));
        assertThat(summary.years().get(0).slippedOut()).isEqualTo(Total.pounds(1_000_000));
        assertThat(summary.years().get(1).slippedIn()).isEqualTo(Total.pounds(100_000));

        CommitteeView committee = committees.committee(COMMITTEE.value(), FAR_FUTURE, EVERYTHING).orElseThrow();
        assertThat(committee.programmes()).containsExactly(PROGRAMME.value());
        assertThat(committee.reports()).extracting(ReportRef::id).containsExactly("r1");
    }

    @Test
    void asAtAndEffectiveOnChooseWhichFactsCount() {
        project();
        // as the ledger knew it before the slip was recorded
        assertThat(savings.saving(SAVING.value(), T0.plusSeconds(11), EVERYTHING).orElseThrow().profile())
                .containsEntry(Y18, Total.pounds(5_379_000));
        // the delivery took effect on 15 March 2019
        assertThat(savings.saving(SAVING.value(), FAR_FUTURE, LocalDate.of(2019, 3, 14)).orElseThrow().delivered()).isEmpty();
        // withdrawn in 2020: counts nothing planned from then on, everything before
        assertThat(programmes.programme(PROGRAMME.value(), FAR_FUTURE, EVERYTHING).orElseThrow().totals().planned())
                .isEqualTo(Total.ZERO);
        assertThat(programmes.programme(PROGRAMME.value(), FAR_FUTURE, LocalDate.of(2019, 12, 31)).orElseThrow()
                .totals().planned()).isEqualTo(Total.pounds(10_575_000));
        // nothing was known before the first event
        assertThat(programmes.programme(PROGRAMME.value(), T0.minusSeconds(1), EVERYTHING)).isEmpty();
        // the report is frozen as the ledger showed it when presented (26 February, by default effective that
        // day): before the withdrawal, and without the re-profiling that takes effect on 1 March
        ReportView report = committees.report(COMMITTEE.value(), "r1", FAR_FUTURE).orElseThrow();
        assertThat(report.programmes().get(0).totals().planned()).isEqualTo(Total.pounds(10_536_000));
    }

    /**
     * Each read model's processor takes in every ledger event, so that its position moves past the
     * others' events at once, yet projects only its own kind: the catch-all must never shadow a
     * projection's own handler (Axon prefers a handler of a class over one of an interface).
     */
    @Test
    void everyProjectionTakesInEveryEventAndProjectsOnlyItsOwn() throws Exception {
        List<EventMessage<?>> events = List.of(
                tracked(1, "Programme", PROGRAMME.value(), new ProgrammeLaunched(PROGRAMME, "nottinghamshire", "ASC savings",
                        null, Money.pounds(17_981_000), Y18, FinancialYear.parse("2021/22"), on("2018-02-26", null))),
                tracked(2, "Saving", SAVING.value(), new SavingProposed(SAVING, PROGRAMME, "Council savings", null, null,
                        Confidence.CONFIDENT, Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y18, Money.pounds(5_379_000))),
                        on("2018-02-26", null))),
                tracked(3, "Committee", COMMITTEE.value(), new CommitteeEstablished(COMMITTEE, "nottinghamshire",
                        "ASC&PH Committee", on("2018-03-12", null))));
        List<AnnotationEventHandlerAdapter> processors = List.of(
                new AnnotationEventHandlerAdapter(new ProgrammeHistoryProjection(writer())),
                new AnnotationEventHandlerAdapter(new SavingHistoryProjection(writer())),
                new AnnotationEventHandlerAdapter(new CommitteeHistoryProjection(writer())));
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter processor : processors) {
                assertThat(processor.canHandle(event)).as("%s takes in %s", processor.getTargetType().getSimpleName(),
                        event.getPayloadType().getSimpleName()).isTrue();
                processor.handle(event);
            }
        }
        for (String kind : List.of("programme", "saving", "committee")) {
            assertThat(database.getCollection(kind + "_heads_g1").countDocuments()).as(kind + " heads").isEqualTo(1);
        }
        assertThat(savings.history(SAVING.value(), FAR_FUTURE, EVERYTHING).orElseThrow()).hasSize(1);
        assertThat(programmes.programme(PROGRAMME.value(), FAR_FUTURE, EVERYTHING).orElseThrow().savingsCount()).isEqualTo(1);
    }

    /**
     * A processor batch's writes are made after its last event, before the processor stores its
     * position, also when that last event is one of another kind, which the projection leaves alone.
     */
    @Test
    void aBatchEndingWithAnotherKindsEventIsWrittenAtItsLastEvent() throws Exception {
        HistoryWriter writer = writer();
        AnnotationEventHandlerAdapter processor = new AnnotationEventHandlerAdapter(new SavingHistoryProjection(writer));
        MessageHandlerInterceptor<EventMessage<?>> boundaries = writer.batchBoundaries();
        List<EventMessage<?>> batch = List.of(
                tracked(1, "Saving", SAVING.value(), new SavingProposed(SAVING, PROGRAMME, "Council savings", null, null,
                        Confidence.CONFIDENT, Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y18, Money.pounds(5_379_000))),
                        on("2018-02-26", null))),
                tracked(2, "Programme", PROGRAMME.value(), new ProgrammeLaunched(PROGRAMME, "nottinghamshire", "ASC savings",
                        null, Money.pounds(17_981_000), Y18, FinancialYear.parse("2021/22"), on("2018-02-26", null))));
        List<Long> headsAfterEachEvent = new ArrayList<>();
        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            @SuppressWarnings("unchecked")
            UnitOfWork<EventMessage<?>> unitOfWork = (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
            boundaries.handle(unitOfWork, () -> processor.handle(unitOfWork.getMessage()));
            headsAfterEachEvent.add(database.getCollection("saving_heads_g1").countDocuments());
            return null;
        });
        assertThat(headsAfterEachEvent).containsExactly(0L, 1L);
    }

    /**
     * A read model is a function of the events alone, so a rebuild writes what the live processor wrote.
     * Live, an event whose transaction committed after a later event's fills a gap, and the processor's
     * token then stands at the later event (index 1842, for the event at 1841); a rebuild meets the same
     * event in order (token at 1841). Both must write the same documents.
     */
    @Test
    void anEventThatFillsAGapIsProjectedAsInARebuild() throws Exception {
        SavingProposed proposed = new SavingProposed(SAVING, PROGRAMME, "Council savings", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y18, Money.pounds(5_379_000))), on("2018-02-26", null));
        GenericDomainEventMessage<SavingProposed> event = new GenericDomainEventMessage<>("Saving", SAVING.value(), 0,
                proposed, org.axonframework.messaging.MetaData.emptyInstance(), "event-1841", T0);

        new AnnotationEventHandlerAdapter(new SavingHistoryProjection(writer())).handle(new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(1842, java.util.Set.of()), event));
        List<String> live = dump();
        freshDatabase();
        new AnnotationEventHandlerAdapter(new SavingHistoryProjection(writer())).handle(new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(1841, java.util.Set.of()), event));

        assertThat(live).isNotEmpty();
        assertThat(dump()).isEqualTo(live);
    }

    private static EventMessage<?> tracked(long index, String type, String aggregate, Object payload) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(index),
                new GenericDomainEventMessage<>(type, aggregate, 0, payload));
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        project();
        List<String> once = dump();
        deliveries.forEach(Runnable::run);
        assertThat(dump()).isEqualTo(once);
        assertThat(savings.history(SAVING.value(), FAR_FUTURE, EVERYTHING).orElseThrow()).hasSize(10);
    }

    private List<String> dump() {
        List<String> documents = new ArrayList<>();
        for (String name : database.listCollectionNames().into(new ArrayList<>()).stream().sorted().toList()) {
            database.getCollection(name).find().sort(new Document("_id", 1))
                    .forEach(document -> documents.add(name + " " + document.toJson()));
        }
        return documents;
    }
}
