package org.savingsledger.command.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsTest {

    private static final CellRef F12 = new CellRef("Tracker", 12, 5);

    @ParameterizedTest(name = "\"{0}\" in {1} is £{2}")
    @CsvSource(delimiter = '|', value = {
            "1,234.5        | POUNDS    | 1234.50",
            "£1.2m          | THOUSANDS | 1200000.00",
            "(1,234)        | THOUSANDS | -1234000.00",
            "-£1,000        | POUNDS    | -1000.00",
            "''             | MILLIONS  | 0.00",
            "-              | POUNDS    | 0.00",
            "1.23456        | THOUSANDS | 1234.56",
            "0.25           | MILLIONS  | 250000.00",
            ".5             | THOUSANDS | 500.00",
            "1.5k           | POUNDS    | 1500.00",
            "2bn            | THOUSANDS | 2000000000.00",
            "' 12 345 '     | POUNDS    | 12345.00",
            "£ 6,804,000.00 | POUNDS    | 6804000.00"})
    void readsFiguresAsTyped(String typed, Units units, String pounds) throws CellProblem {
        assertThat(Amounts.pounds(Cell.text(F12, typed), units)).isEqualTo(new BigDecimal(pounds));
    }

    @ParameterizedTest(name = "\"{0}\" in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "1.2.3    | POUNDS    | \"1.2.3\" is not an amount",
            "1,23     | POUNDS    | \"1,23\" is not an amount",
            "12%      | POUNDS    | \"12%\" is not an amount",
            "((5))    | POUNDS    | \"((5))\" is not an amount",
            "£        | POUNDS    | \"£\" is not an amount",
            "12.345   | POUNDS    | \"12.345\" (£) is £12.345, more precise than a penny",
            "1.234567 | THOUSANDS | \"1.234567\" (£'000) is £1234.567, more precise than a penny",
            "2000bn   | POUNDS    | \"2000bn\" (£) is more than £1 trillion"})
    void refusesWhatIsNotAnExactAmount(String typed, Units units, String message) {
        assertThatThrownBy(() -> Amounts.pounds(Cell.text(F12, typed), units)).isInstanceOf(CellProblem.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "number {0} in {1} is £{2}")
    @CsvSource(delimiter = '|', value = {
            "80835.55 | POUNDS    | 80835.55",
            "5379     | THOUSANDS | 5379000.00",
            "-0.5     | MILLIONS  | -500000.00"})
    void scalesNumberCellsExactly(String number, Units units, String pounds) throws CellProblem {
        assertThat(Amounts.pounds(Cell.number(F12, new BigDecimal(number), false), units)).isEqualTo(new BigDecimal(pounds));
    }

    @org.junit.jupiter.api.Test
    void aMergedCellCannotHoldAYearsAmount() {
        Cell merged = Cell.number(new CellRef("Tracker", 12, 4), BigDecimal.TEN, false).copiedTo(F12);
        assertThatThrownBy(() -> Amounts.pounds(merged, Units.POUNDS))
                .hasMessage("is part of a merged range: each year's amount needs its own cell");
    }

    @ParameterizedTest(name = "\"{0}\" declares {1}")
    @CsvSource(delimiter = '|', value = {"£ | POUNDS", "GBP | POUNDS", "£'000 | THOUSANDS", "£000s | THOUSANDS",
            "£ thousands | THOUSANDS", "£k | THOUSANDS", "£’000 | THOUSANDS", "£m | MILLIONS", "£ millions | MILLIONS"})
    void readsUnitDeclarations(String written, Units units) {
        assertThat(Units.parse(written)).contains(units);
    }
}
