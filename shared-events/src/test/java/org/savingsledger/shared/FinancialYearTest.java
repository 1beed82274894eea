package org.savingsledger.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinancialYearTest {

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> FinancialYear.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesBodyAndPathForms() {
        assertThat(FinancialYear.parse("2018/19")).isEqualTo(FinancialYear.of(2018));
        assertThat(FinancialYear.parse("2018-19")).isEqualTo(FinancialYear.of(2018));
        assertThat(FinancialYear.of(2018).toString()).isEqualTo("2018/19");
        assertThat(FinancialYear.of(2018).pathForm()).isEqualTo("2018-19");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018/20", "18/19", "2018", "1989/90", "2100/01", "", "2018/1", "abcd/ef", "2018/18", "2018_19",
            "2018/190", "1999/99"})
    void refusesWhatIsNotAValidFinancialYear(String text) {
        assertThatThrownBy(() -> FinancialYear.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastValidYearIs2099Slash00() {
        FinancialYear last = FinancialYear.parse("2099/00");
        assertThat(last).isEqualTo(FinancialYear.of(2099));
        assertThat(last.toString()).isEqualTo("2099/00");
        assertThat(last.pathForm()).isEqualTo("2099-00");
        assertThat(FinancialYear.parse("2099-00")).isEqualTo(last);
        assertThat(last.firstDay()).isEqualTo(LocalDate.of(2099, 4, 1));
    }

    @Test
    void nextAndPreviousAreTheNeighbouringYears() {
        FinancialYear year = FinancialYear.parse("2018/19");
        assertThat(year.next()).isEqualTo(FinancialYear.parse("2019/20"));
        assertThat(year.previous()).isEqualTo(FinancialYear.parse("2017/18"));
        assertThat(year.next().previous()).isEqualTo(year);
        assertThat(year.next().isAfter(year)).isTrue();
        assertThat(year.previous().isBefore(year)).isTrue();
    }

    @Test
    void spans1990To2099() {
        assertThat(FinancialYear.parse("1990/91").startYear()).isEqualTo(1990);
        assertThat(FinancialYear.parse("2099/00").startYear()).isEqualTo(2099);
        assertThat(FinancialYear.parse("1999/00").next()).isEqualTo(FinancialYear.parse("2000/01"));
        assertThatThrownBy(() -> FinancialYear.parse("2099/00").next()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FinancialYear.parse("1990/91").previous()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsFromAprilToMarch() {
        assertThat(FinancialYear.containing(LocalDate.of(2018, 3, 31))).isEqualTo(FinancialYear.parse("2017/18"));
        assertThat(FinancialYear.containing(LocalDate.of(2018, 4, 1))).isEqualTo(FinancialYear.parse("2018/19"));
        assertThat(FinancialYear.containing(LocalDate.of(2019, 3, 31))).isEqualTo(FinancialYear.parse("2018/19"));
        assertThat(FinancialYear.parse("2018/19").firstDay()).isEqualTo(LocalDate.of(2018, 4, 1));
        assertThat(FinancialYear.parse("2018/19").lastDay()).isEqualTo(LocalDate.of(2019, 3, 31));
    }

    @Test
    void ordersAndRanges() {
        FinancialYear first = FinancialYear.parse("2016/17");
        FinancialYear last = FinancialYear.parse("2019/20");
        assertThat(FinancialYear.rangeClosed(first, last)).extracting(FinancialYear::toString)
                .containsExactly("2016/17", "2017/18", "2018/19", "2019/20");
        assertThat(FinancialYear.parse("2018/19").isWithin(first, last)).isTrue();
        assertThat(FinancialYear.parse("2020/21").isWithin(first, last)).isFalse();
    }

    @Test
    void everyYearIsWrittenAsFourDigitsSlashTwoAndReadBack() {
        assertThat(FinancialYear.of(1990).toString()).isEqualTo("1990/91");
        assertThat(FinancialYear.of(1999).toString()).isEqualTo("1999/00");
        assertThat(FinancialYear.of(2000).toString()).isEqualTo("2000/01");
        assertThat(FinancialYear.of(2009).toString()).isEqualTo("2009/10");
        for (int start = FinancialYear.FIRST_START_YEAR; start <= FinancialYear.LAST_START_YEAR; start++) {
            FinancialYear year = FinancialYear.of(start);
            assertThat(year.toString()).matches("\\d{4}/\\d{2}").startsWith(Integer.toString(start));
            assertThat(FinancialYear.parse(year.toString())).isEqualTo(year);
            assertThat(FinancialYear.parse(year.pathForm())).isEqualTo(year);
        }
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(FinancialYear.parse(" 2018/19 ")).isEqualTo(FinancialYear.of(2018));
        assertThat(FinancialYear.parse("2018-19\n")).isEqualTo(FinancialYear.of(2018));
    }
}
