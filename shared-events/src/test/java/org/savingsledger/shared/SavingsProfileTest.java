package org.savingsledger.shared;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavingsProfileTest {

    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");

    @Test
    void movingKeepsTheTotal() {
        SavingsProfile columnB = SavingsProfile.of(Map.of(Y2018, Money.pounds(5_379_000),
                FinancialYear.parse("2019/20"), Money.pounds(3_461_000), Y2020, Money.pounds(1_696_000)));
        SavingsProfile slipped = columnB.moving(Y2018, Y2020, Money.pounds(1_000_000));
        assertThat(slipped.amountIn(Y2018)).isEqualTo(Money.pounds(4_379_000));
        assertThat(slipped.amountIn(Y2020)).isEqualTo(Money.pounds(2_696_000));
        assertThat(slipped.total()).isEqualTo(columnB.total()).isEqualTo(Money.pounds(10_536_000));
    }

    @Test
    void aYearNotPresentIsZeroAndYearsAreInOrder() {
        SavingsProfile profile = SavingsProfile.of(Map.of(Y2020, Money.pounds(1), Y2018, Money.pounds(2)));
        assertThat(profile.amountIn(FinancialYear.parse("2019/20"))).isEqualTo(Money.ZERO);
        assertThat(profile.amounts().keySet()).containsExactly(Y2018, Y2020);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> SavingsProfile.of(Map.of(Y2018, Money.pounds(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2018/19");
    }
}
