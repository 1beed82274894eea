package org.savingsledger.query.history;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammeEvent;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;
import org.savingsledger.query.programme.FundingLine;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.MoneyChange;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's budget and cost per funding source, folded from its facts: approvals, a pending bid partly approved
 * and partly declined, drawdowns and corrections naming sources, and money recorded before sources were named
 * (under NOT_SET). Expected figures are worked out by hand in the comments.
 */
class FundingProjectionTest {

    private static final ProgrammeId ID = ProgrammeId.of("notts-asc-phase-2");
    private static final ProgrammeId PHASE_1 = ProgrammeId.of("notts-asc");
    private static final String RESERVE = "Transformation reserve";
    private static final String GRANT = "DLUHC grant";
    private static final Instant T0 = Instant.parse("2021-04-01T09:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");
    private static final LocalDate EVERYTHING = LocalDate.of(2099, 1, 1);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private HistoryStore store;
    private ProgrammeQueries programmes;
    private ProgrammeHistoryProjection projection;
    private long version;

    @BeforeEach
    void freshDatabase() {
        store = new HistoryStore(mongo.database("funding_" + System.nanoTime()));
        programmes = new ProgrammeQueries(store, Visibility.allOrganisations());
        projection = new ProgrammeHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        version = 0;
    }

    private static Provenance on(String date) {
        return new Provenance("finance-officer", "Cabinet decision", LocalDate.parse(date), null);
    }

    /** Records {@code event} as the next of the stream, a second after the one before. */
    private void record(ProgrammeEvent event) {
        projection.on(event, version, T0.plusSeconds(version));
        version++;
    }

    /** Versions 0..10; recorded at T0 + version seconds. */
    private void recordPhase2() {
        record(new ProgrammeLaunched(ID, "nottinghamshire", "ASC phase 2", null, Money.pounds(4_000_000),
                FinancialYear.parse("2021/22"), FinancialYear.parse("2023/24"), on("2021-04-01"), PHASE_1,
                "Adults and Health"));
        record(new ProgrammeBudgetApproved(ID, Money.pounds(2_000_000), on("2021-04-10"), RESERVE, false));
        record(new ProgrammeBudgetApproved(ID, Money.pounds(500_000), on("2021-04-10")));
        record(new ProgrammeBudgetApproved(ID, Money.pounds(1_500_000), on("2021-05-01"), GRANT, true));
        record(new ProgrammeCostDrawnDown(ID, Money.pounds(300_000), on("2021-06-01"), RESERVE));
        record(new ProgrammePendingBudgetResolved(ID, GRANT, Money.pounds(1_000_000), BudgetDecision.APPROVED,
                on("2021-07-01")));
        record(new ProgrammePendingBudgetResolved(ID, GRANT, Money.pounds(200_000), BudgetDecision.DECLINED,
                on("2021-07-01")));
        record(new ProgrammeBudgetCorrected(ID, Money.pounds(-100_000), on("2021-08-01"), RESERVE));
        record(new ProgrammeCostDrawdownCorrected(ID, Money.pounds(-50_000), on("2021-08-01"), RESERVE));
        record(new ProgrammeCostDrawnDown(ID, Money.pounds(80_000), on("2021-08-01"), GRANT));
        record(new ProgrammeDetailsChanged(ID, null, null, on("2021-09-01"), "Adults, Health and Housing"));
    }

    private ProgrammeSummary summary(Instant asAt, LocalDate effectiveOn) {
        return programmes.programme(ID.value(), asAt, effectiveOn).orElseThrow();
    }

    private static FundingLine line(long approved, long pending, long drawn) {
        return new FundingLine(Total.pounds(approved), Total.pounds(pending), Total.pounds(drawn));
    }

    @Test
    void everySourceHasItsApprovedPendingAndDrawnMoney() {
        recordPhase2();

        ProgrammeSummary summary = summary(FAR_FUTURE, EVERYTHING);

        // grant: 1.5m bid - 1m approved - 0.2m declined = 0.3m pending; reserve: 2m - 0.1m, drawn 0.3m - 0.05m
        assertThat(summary.bySource()).containsExactly(
                org.assertj.core.api.Assertions.entry(GRANT, line(1_000_000, 300_000, 80_000)),
                org.assertj.core.api.Assertions.entry("NOT_SET", line(500_000, 0, 0)),
                org.assertj.core.api.Assertions.entry(RESERVE, line(1_900_000, 0, 250_000)));
        // 1.9m + 1m + 0.5m approved; 0.25m + 0.08m drawn
        assertThat(summary.budgetApproved()).isEqualTo(Total.pounds(3_400_000));
        assertThat(summary.budgetPending()).isEqualTo(Total.pounds(300_000));
        assertThat(summary.costDrawnDown()).isEqualTo(Total.pounds(330_000));
        assertThat(summary.follows()).isEqualTo(PHASE_1);
        assertThat(summary.directorate()).isEqualTo("Adults, Health and Housing");
    }

    @Test
    void asAtBeforeTheResolutionsTheWholeBidIsPending() {
        recordPhase2();

        ProgrammeSummary summary = summary(T0.plusSeconds(4), EVERYTHING);

        assertThat(summary.bySource()).containsEntry(GRANT, line(0, 1_500_000, 0))
                .containsEntry(RESERVE, line(2_000_000, 0, 300_000));
        assertThat(summary.budgetApproved()).isEqualTo(Total.pounds(2_500_000));
        assertThat(summary.budgetPending()).isEqualTo(Total.pounds(1_500_000));
    }

    @Test
    void effectiveBeforeTheBidOnlyTheSourcesCountedThenAreListed() {
        recordPhase2();

        ProgrammeSummary beforeBid = summary(FAR_FUTURE, LocalDate.parse("2021-04-30"));
        ProgrammeSummary beforeApprovals = summary(FAR_FUTURE, LocalDate.parse("2021-04-09"));

        assertThat(beforeBid.bySource()).containsOnlyKeys("NOT_SET", RESERVE);
        assertThat(beforeBid.budgetPending()).isEqualTo(Total.ZERO);
        assertThat(beforeBid.directorate()).isEqualTo("Adults and Health");
        assertThat(beforeApprovals.bySource()).isEmpty();
        assertThat(beforeApprovals.budgetApproved()).isEqualTo(Total.ZERO);
    }

    @Test
    void theHistoryShowsEachSourceAndAnApprovalMovingMoneyFromPending() {
        recordPhase2();

        List<HistoryEntry> history = HistoryEntry.visible(store.facts(StreamKind.PROGRAMME, List.of(ID.value()))
                .get(ID.value()), FAR_FUTURE, EVERYTHING);

        assertThat(history.get(5).attributes()).containsEntry("source", GRANT).containsEntry("decision", "APPROVED");
        assertThat(history.get(5).changes()).containsExactly(
                new MoneyChange(null, "budgetPending", Total.pounds(1_500_000), Total.pounds(500_000)),
                new MoneyChange(null, "budgetApproved", Total.pounds(2_500_000), Total.pounds(3_500_000)));
        assertThat(history.get(2).attributes()).doesNotContainKey("source");
    }
}
