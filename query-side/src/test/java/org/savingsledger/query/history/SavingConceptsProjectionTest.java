package org.savingsledger.query.history;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingClassified;
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.WorkstreamTotals;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.MoneyChange;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.saving.SavingQueries;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saving's recurrence, category and posts (FTE) through the projection and the fold. A programme of
 * 2016/17 to 2018/19; saving A (Libraries, one-off income, £300,000 and £100,000, 10.50 posts in 2016/17)
 * and saving B (no workstream, no category, recurring by default, £200,000 and 4.00 posts in 2017/18),
 * both effective 2016-04-01. A is then reclassified (effective 2017-04-01), its posts re-planned to 8.00
 * and 2.50 (effective 2016-10-01), 6.25 posts delivered in 2016/17 and corrected by −0.25 (effective
 * 2017-03-31).
 */
class SavingConceptsProjectionTest {

    private static final ProgrammeId PROGRAMME = ProgrammeId.of("leics-tp");
    private static final SavingId A = SavingId.of("leics-libraries");
    private static final SavingId B = SavingId.of("leics-care");
    private static final FinancialYear Y16 = FinancialYear.parse("2016/17");
    private static final FinancialYear Y17 = FinancialYear.parse("2017/18");
    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");
    private static final LocalDate EVERYTHING = LocalDate.of(2099, 1, 1);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private SavingQueries savings;
    private ProgrammeQueries programmes;
    private ProgrammeHistoryProjection programmeProjection;
    private SavingHistoryProjection savingProjection;

    @BeforeEach
    void project() {
        HistoryStore store = new HistoryStore(mongo.database("concepts_" + System.nanoTime()));
        savings = new SavingQueries(store, Visibility.allOrganisations());
        programmes = new ProgrammeQueries(store, Visibility.allOrganisations());
        programmeProjection = new ProgrammeHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        savingProjection = new SavingHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));

        programmeProjection.on(new ProgrammeLaunched(PROGRAMME, "leicestershire", "Transformation", null,
                Money.pounds(1_000_000), Y16, FinancialYear.parse("2018/19"), on("2016-04-01")), 0, T0);
        savingProjection.on(new SavingProposed(A, PROGRAMME, "Libraries", "Libraries", null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y16, Money.pounds(300_000), Y17, Money.pounds(100_000))),
                on("2016-04-01"), Recurrence.ONE_OFF, SavingCategory.INCOME_GENERATION,
                PostsProfile.of(Map.of(Y16, Fte.of("10.50")))), 0, T0.plusSeconds(10));
        savingProjection.on(new SavingProposed(B, PROGRAMME, "Care", null, null, Confidence.STRETCH, Stage.CONCEPT,
                SavingsProfile.of(Map.of(Y16, Money.pounds(200_000))), on("2016-04-01"), null, null,
                PostsProfile.of(Map.of(Y17, Fte.of("4")))), 0, T0.plusSeconds(11));
        savingProjection.on(new SavingClassified(A, PROGRAMME, SavingCategory.INCOME_GENERATION,
                SavingCategory.COST_REDUCTION, Recurrence.ONE_OFF, Recurrence.RECURRING, on("2017-04-01")), 1,
                T0.plusSeconds(20));
        savingProjection.on(new SavingPostsRevised(A, PROGRAMME, PostsProfile.of(Map.of(Y16, Fte.of("10.50"))),
                PostsProfile.of(Map.of(Y16, Fte.of("8"), Y17, Fte.of("2.5"))), on("2016-10-01")), 2, T0.plusSeconds(21));
        savingProjection.on(new SavingPostsDelivered(A, PROGRAMME, Y16, Fte.of("6.25"), on("2017-03-31")), 3,
                T0.plusSeconds(22));
        savingProjection.on(new SavingPostsDeliveryCorrected(A, PROGRAMME, Y16, Fte.of("-0.25"), on("2017-03-31")), 4,
                T0.plusSeconds(23));
    }

    private static Provenance on(String date) {
        return new Provenance("finance-officer", "as reported", LocalDate.parse(date), null);
    }

    private SavingView a(Instant asAt, LocalDate effectiveOn) {
        return savings.saving(A.value(), asAt, effectiveOn).orElseThrow();
    }

    @Test
    void aReclassificationCountsOnceRecordedAndEffective() {
        assertThat(a(T0.plusSeconds(19), EVERYTHING)).extracting(SavingView::recurrence, SavingView::category)
                .containsExactly("ONE_OFF", "INCOME_GENERATION");
        assertThat(a(FAR_FUTURE, LocalDate.of(2017, 3, 31))).extracting(SavingView::recurrence, SavingView::category)
                .containsExactly("ONE_OFF", "INCOME_GENERATION");
        assertThat(a(FAR_FUTURE, LocalDate.of(2017, 4, 1))).extracting(SavingView::recurrence, SavingView::category)
                .containsExactly("RECURRING", "COST_REDUCTION");
        // a proposal without them: recurring, no category, from its recording (its effective date does not matter)
        assertThat(savings.saving(B.value(), FAR_FUTURE, LocalDate.of(2010, 1, 1)).orElseThrow())
                .extracting(SavingView::recurrence, SavingView::category).containsExactly("RECURRING", null);
    }

    @Test
    void postsCountLikeMoneyOnceEffective() {
        SavingView now = a(FAR_FUTURE, EVERYTHING);
        assertThat(now.postsPlanned()).containsExactly(Map.entry(Y16, Fte.of("8.00")), Map.entry(Y17, Fte.of("2.50")));
        assertThat(now.postsDelivered()).containsExactly(Map.entry(Y16, Fte.of("6.00")));
        // before the re-plan took effect: the proposal's 10.50, nothing delivered
        SavingView september = a(FAR_FUTURE, LocalDate.of(2016, 9, 30));
        assertThat(september.postsPlanned()).containsExactly(Map.entry(Y16, Fte.of("10.50")));
        assertThat(september.postsDelivered()).isEmpty();
        // before the proposal took effect: no posts, as no money
        assertThat(a(FAR_FUTURE, LocalDate.of(2016, 3, 31)).postsPlanned()).isEmpty();
        // as known before the delivery was recorded
        assertThat(a(T0.plusSeconds(21), EVERYTHING).postsDelivered()).isEmpty();
    }

    @Test
    void postsChangesAreInTheHistoryWithBeforeAndAfter() {
        var history = savings.history(A.value(), FAR_FUTURE, EVERYTHING).orElseThrow();
        assertThat(history).extracting(HistoryEntry::type).containsExactly("SavingProposed", "SavingClassified",
                "SavingPostsRevised", "SavingPostsDelivered", "SavingPostsDeliveryCorrected");
        assertThat(history.get(0).changes()).contains(new MoneyChange("2016/17", "postsPlanned", Total.ZERO, Total.of("10.50")));
        assertThat(history.get(1).changes()).isEmpty();
        assertThat(history.get(2).changes()).containsExactly(
                new MoneyChange("2016/17", "postsPlanned", Total.of("10.50"), Total.of("8.00")),
                new MoneyChange("2017/18", "postsPlanned", Total.ZERO, Total.of("2.50")));
        assertThat(history.get(4).changes()).containsExactly(
                new MoneyChange("2016/17", "postsDelivered", Total.of("6.25"), Total.of("6.00")));
    }

    @Test
    void theSummaryTotalsByCategoryAndWorkstreamAndPostsPerYear() {
        ProgrammeSummary now = programmes.programme(PROGRAMME.value(), FAR_FUTURE, EVERYTHING).orElseThrow();
        // A: 300,000 + 100,000 = 400,000 cost reduction (since 2017-04-01); B: 200,000 without a category
        assertThat(now.byCategory()).containsExactly(Map.entry("COST_REDUCTION", Total.pounds(400_000)),
                Map.entry("INCOME_GENERATION", Total.ZERO), Map.entry("COST_AVOIDANCE", Total.ZERO),
                Map.entry("NOT_SET", Total.pounds(200_000)));
        assertThat(now.byWorkstream()).containsExactly(
                Map.entry("Libraries", new WorkstreamTotals(Total.pounds(400_000), Total.ZERO)),
                Map.entry("NOT_SET", new WorkstreamTotals(Total.pounds(200_000), Total.ZERO)));
        // 2016/17: A 8.00 planned, 6.00 delivered; 2017/18: A 2.50 + B 4.00 = 6.50 planned
        assertThat(now.years()).extracting(YearLine::year, YearLine::postsPlanned, YearLine::postsDelivered).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Y16, Fte.of("8.00"), Fte.of("6.00")),
                org.assertj.core.groups.Tuple.tuple(Y17, Fte.of("6.50"), Fte.ZERO),
                org.assertj.core.groups.Tuple.tuple(FinancialYear.parse("2018/19"), Fte.ZERO, Fte.ZERO));

        ProgrammeSummary beforeReclassification = programmes.programme(PROGRAMME.value(), FAR_FUTURE,
                LocalDate.of(2017, 3, 31)).orElseThrow();
        assertThat(beforeReclassification.byCategory()).containsEntry("INCOME_GENERATION", Total.pounds(400_000))
                .containsEntry("COST_REDUCTION", Total.ZERO);
    }

    @Test
    void postsFoldFromACheckpointAsFromEveryFact() {
        // twelve more deliveries of 0.10: versions 5 to 16, the tenth (version 10) opens the second bucket
        for (int version = 5; version <= 16; version++) {
            savingProjection.on(new SavingPostsDelivered(A, PROGRAMME, Y16, Fte.of("0.10"), on("2017-03-31")), version,
                    T0.plusSeconds(30 + version));
        }
        // 6.00 + 12 × 0.10 = 7.20, read from the checkpoint before version 10 and the facts after it
        assertThat(a(FAR_FUTURE, EVERYTHING).postsDelivered()).containsExactly(Map.entry(Y16, Fte.of("7.20")));
        assertThat(a(FAR_FUTURE, EVERYTHING).postsPlanned()).containsExactly(Map.entry(Y16, Fte.of("8.00")),
                Map.entry(Y17, Fte.of("2.50")));
        // as known when version 12 was recorded: 6.00 + 8 × 0.10 = 6.80
        assertThat(a(T0.plusSeconds(42), EVERYTHING).postsDelivered()).containsExactly(Map.entry(Y16, Fte.of("6.80")));
        // effective before the deliveries: the checkpoint cannot count, every fact is folded
        assertThat(a(FAR_FUTURE, LocalDate.of(2017, 3, 30)).postsDelivered()).isEmpty();
    }
}
