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
        assertThatThrownBy(() -> Money.of("100.005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimal places");
        assertThat(Money.of("1.230")).isEqualTo(Money.of("1.23"));
    }

    @Test
    void writesPlainDecimalsNeverExponents() {
        assertThat(Money.of(new BigDecimal("6.804E+6")).toString()).isEqualTo("6804000.00");
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
        assertThat(Money.of("-1").max(Money.ZERO)).isEqualTo(Money.ZERO);
    }
}
