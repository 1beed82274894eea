package org.savingsledger.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void isHeldToThePenny() {
        assertThat(Money.of("80835.5").amount()).isEqualTo(new BigDecimal("80835.50"));
        assertThat(Money.pounds(6_804_000).toString()).isEqualTo("6804000.00");
        assertThat(Money.ofPence(8_083_555).pence()).isEqualTo(8_083_555);
    }

    @Test
    void refusesMoreThanTwoDecimalPlacesRatherThanRounding() {
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimal places");
        assertThatThrownBy(() -> Money.of(new BigDecimal("100.001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("-0.001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTrailingZerosBeyondThePennyBecauseTheyLoseNothing() {
        Money money = Money.of("1.230");
        assertThat(money).isEqualTo(Money.of("1.23"));
        assertThat(money.amount()).isEqualTo(new BigDecimal("1.23"));
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.toString()).isEqualTo("1.23");
    }

    @Test
    void isAlwaysScaleTwoSoEqualAmountsAreEqualWhateverTheyWereWrittenAs() {
        assertThat(Money.of("5")).isEqualTo(Money.of("5.0")).isEqualTo(Money.of("5.00")).isEqualTo(Money.pounds(5))
                .isEqualTo(Money.ofPence(500));
        assertThat(Money.of("5").hashCode()).isEqualTo(Money.of("5.00").hashCode());
        assertThat(Money.ZERO.amount().scale()).isEqualTo(2);
    }

    @Test
    void writesPlainDecimalsNeverExponents() {
        Money fromExponent = Money.of(new BigDecimal("6.804E+6"));
        assertThat(fromExponent.toString()).isEqualTo("6804000.00");
        assertThat(fromExponent).isEqualTo(Money.pounds(6_804_000));
        assertThat(Money.of("1E+2").toString()).isEqualTo("100.00");
        assertThat(Money.of("1000000000000").toString()).isEqualTo("1000000000000.00");
    }

    @Test
    void refusesNonNumbersAndAbsurdMagnitudes() {
        assertThatThrownBy(() -> Money.of("NaN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1e13")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndSubtractsExactly() {
        Money total = Money.of("0.10").plus(Money.of("0.20"));
        assertThat(total).isEqualTo(Money.of("0.30"));
        assertThat(total.minus(Money.of("0.31")).isNegative()).isTrue();
        assertThat(Money.of("5").negate()).isEqualTo(Money.of("-5"));
        assertThat(Money.of("-80835.55").negate()).isEqualTo(Money.of("80835.55"));
        assertThat(Money.ZERO.negate()).isEqualTo(Money.ZERO);
        assertThat(Money.pounds(6_804_000).minus(Money.pounds(1_000_000)).plus(Money.of("0.01")))
                .isEqualTo(Money.of("5804000.01"));
        assertThat(Money.of("-1").max(Money.ZERO)).isEqualTo(Money.ZERO);
    }
}
