package org.savingsledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.EventJson;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotalTest {

    @Test
    void addsPastTheBoundOfASingleAmountExactly() {
        Total total = Total.sum(List.of(Money.MAX, Money.MAX, Money.of("0.01")));
        assertThat(total.toString()).isEqualTo("2000000000000.01");
        assertThat(Total.of(Money.pounds(17_981_000)).minus(total).toString()).isEqualTo("-1999982019000.01");
        assertThat(total.isWithinMoneyLimit()).isFalse();
    }

    @Test
    void isWithinTheMoneyLimitUpToTheLargestAmountInEitherDirection() {
        assertThat(Total.of(Money.MAX).isWithinMoneyLimit()).isTrue();
        assertThat(Total.of(Money.MAX).plus(Money.of("0.01")).isWithinMoneyLimit()).isFalse();
        assertThat(Total.ZERO.minus(Money.MAX).isWithinMoneyLimit()).isTrue();
        assertThat(Total.ZERO.minus(Money.MAX).minus(Money.of("0.01")).isWithinMoneyLimit()).isFalse();
    }

    @Test
    void isHeldToThePennyAndRefusesFractionsOfIt() {
        assertThat(Total.of("5")).isEqualTo(Total.of("5.000")).isEqualTo(Total.pounds(5));
        assertThat(Total.ZERO.amount().scale()).isEqualTo(2);
        assertThatThrownBy(() -> Total.of("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAPlainJsonNumberLikeMoney() throws Exception {
        ObjectMapper json = EventJson.objectMapper();
        assertThat(json.writeValueAsString(Total.of("3000000000000"))).isEqualTo("3000000000000.00");
        assertThat(json.readValue("2000000000000.5", Total.class)).isEqualTo(Total.of(new BigDecimal("2000000000000.50")));
    }
}
