package org.savingsledger.query.programme;

import org.junit.jupiter.api.Test;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A programme's summary is built from its own figures and its savings' positions alone. */
class ProgrammeSummaryTest {

    static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    static final FinancialYear Y2020 = FinancialYear.parse("2020/21");

    static ProgrammePosition programme(String id) {
        return new ProgrammePosition(id, "nottinghamshire", "ASC", null, Y2018, Y2019, Total.pounds(1_000),
                Total.pounds(500), Total.pounds(100), LocalDate.of(2018, 3, 12));
    }

    static SavingPosition saving(String id, boolean withdrawn, String rag, SortedMap<FinancialYear, Total> planned,
                                 SortedMap<FinancialYear, Total> delivered) {
        return new SavingPosition(id, "p", "t", null, null, "CONCEPT", "CONFIDENT", rag, withdrawn, planned,
                delivered, new TreeMap<>(), new TreeMap<>(), 0, LocalDate.of(2018, 3, 12));
    }

    static SortedMap<FinancialYear, Total> amounts(FinancialYear year, long pounds) {
        return new TreeMap<>(java.util.Map.of(year, Total.pounds(pounds)));
    }

    @Test
    void aProgrammeWithoutSavingsHasALineForEveryYearOfItsPeriodAndEveryKeyAtZero() {
        ProgrammeSummary summary = ProgrammeSummary.of(programme("p"), List.of());

        assertThat(summary.years()).extracting(YearLine::year).containsExactly(Y2018, Y2019);
        assertThat(summary.totals().gapToTarget()).isEqualByComparingTo(Total.pounds(1_000));
        assertThat(summary.byRag()).containsOnlyKeys("RED", "AMBER", "GREEN", "NOT_SET");
        assertThat(summary.savingsCount()).isZero();
    }

    @Test
    void aWithdrawnSavingCountsNothingInPlannedTotalsButIsCounted() {
        ProgrammeSummary summary = ProgrammeSummary.of(programme("p"), List.of(
                saving("s1", false, null, amounts(Y2018, 300), amounts(Y2018, 100)),
                saving("s2", true, "RED", amounts(Y2020, 200), new TreeMap<>())));

        assertThat(summary.years()).extracting(YearLine::year).containsExactly(Y2018, Y2019, Y2020);
        assertThat(summary.totals().planned()).isEqualByComparingTo(Total.pounds(300));
        assertThat(summary.totals().delivered()).isEqualByComparingTo(Total.pounds(100));
        assertThat(summary.totals().gapToTarget()).isEqualByComparingTo(Total.pounds(700));
        assertThat(summary.byRag().get("NOT_SET")).isEqualByComparingTo(Total.pounds(300));
        assertThat(summary.byRag().get("RED")).isEqualByComparingTo(Total.ZERO);
        assertThat(summary.savingsCount()).isEqualTo(1);
        assertThat(summary.withdrawnSavingsCount()).isEqualTo(1);
    }

    @Test
    void undeliveredIsPlannedLessDeliveredPerYearAndInTotalAndNegativeWhenMoreWasDelivered() {
        // s1 plans 300 in 2018/19 and delivers 100; s2 plans 50 in 2019/20 and delivers 80 there
        ProgrammeSummary summary = ProgrammeSummary.of(programme("p"), List.of(
                saving("s1", false, null, amounts(Y2018, 300), amounts(Y2018, 100)),
                saving("s2", false, null, amounts(Y2019, 50), amounts(Y2019, 80))));

        assertThat(summary.years()).extracting(YearLine::undelivered)
                .usingElementComparator(java.util.Comparator.naturalOrder()).containsExactly(Total.pounds(200), Total.pounds(-30));
        assertThat(summary.totals().undelivered()).isEqualByComparingTo(Total.pounds(170));
        assertThat(summary.totals().gapToTarget()).isEqualByComparingTo(Total.pounds(650));
    }
}
