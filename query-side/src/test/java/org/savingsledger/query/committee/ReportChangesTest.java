package org.savingsledger.query.committee;

import org.junit.jupiter.api.Test;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.ProgrammePosition;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The difference between a report's figures and the same programmes now, year by year. */
class ReportChangesTest {

    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final Instant PRESENTED = Instant.parse("2018-03-12T10:00:00Z");
    private static final Instant NOW = Instant.parse("2019-01-01T00:00:00Z");

    @Test
    void eachYearShowsThenNowAndTheDifference() {
        ProgrammeSummary then = summary("p", Map.of(Y2018, 100L, Y2019, 50L), Map.of());
        ProgrammeSummary now = summary("p", Map.of(Y2018, 80L, Y2019, 70L), Map.of(Y2018, 30L));

        ReportChanges changes = ReportChanges.between(report(then), Map.of("p", now), NOW, LocalDate.of(2019, 1, 1),
                List.of());

        assertThat(changes.reportId()).isEqualTo("r1");
        assertThat(changes.presentedAt()).isEqualTo(PRESENTED);
        YearChange first = changes.programmes().get(0).years().get(0);
        assertThat(first.year()).isEqualTo(Y2018);
        assertThat(first.plannedDelta()).isEqualByComparingTo(Total.pounds(-20));
        assertThat(first.deliveredDelta()).isEqualByComparingTo(Total.pounds(30));
        assertThat(changes.programmes().get(0).years().get(1).plannedDelta()).isEqualByComparingTo(Total.pounds(20));
    }

    @Test
    void aProgrammeThatNoLongerExistsDropsToNothing() {
        ProgrammeSummary then = summary("p", Map.of(Y2018, 100L), Map.of());

        ReportChanges changes = ReportChanges.between(report(then), Map.of(), NOW, LocalDate.of(2019, 1, 1), List.of());

        assertThat(changes.programmes()).singleElement().satisfies(programme -> {
            assertThat(programme.programmeId()).isEqualTo("p");
            assertThat(programme.years()).extracting(YearChange::year).containsExactly(Y2018, Y2019);
            assertThat(programme.years()).allSatisfy(year -> {
                assertThat(year.plannedNow()).isEqualByComparingTo(Total.ZERO);
                assertThat(year.plannedDelta()).isEqualByComparingTo(Total.ZERO.minus(year.plannedThen()));
            });
            assertThat(programme.years().get(0).plannedDelta()).isEqualByComparingTo(Total.pounds(-100));
        });
    }

    private static ReportView report(ProgrammeSummary programme) {
        return new ReportView("r1", "c1", LocalDate.of(2018, 3, 12), "Position", PRESENTED, List.of(programme),
                LocalDate.of(2018, 3, 12));
    }

    private static ProgrammeSummary summary(String id, Map<FinancialYear, Long> planned,
                                            Map<FinancialYear, Long> delivered) {
        ProgrammePosition programme = new ProgrammePosition(id, "nottinghamshire", "ASC", null, Y2018, Y2019,
                Total.pounds(1_000), Total.ZERO, Total.ZERO, LocalDate.of(2018, 3, 12));
        return ProgrammeSummary.of(programme, List.of(new SavingPosition("s", id, "t", null, null, "CONCEPT",
                "CONFIDENT", null, false, pounds(planned), pounds(delivered), new TreeMap<>(), new TreeMap<>(), 0,
                LocalDate.of(2018, 3, 12))));
    }

    private static SortedMap<FinancialYear, Total> pounds(Map<FinancialYear, Long> amounts) {
        SortedMap<FinancialYear, Total> totals = new TreeMap<>();
        amounts.forEach((year, value) -> totals.put(year, Total.pounds(value)));
        return totals;
    }
}
