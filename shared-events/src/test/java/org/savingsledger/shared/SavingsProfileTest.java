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
    void movingBackRestoresTheProfile() {
        SavingsProfile profile = SavingsProfile.of(Map.of(Y2018, Money.pounds(5_379_000)));
        assertThat(profile.moving(Y2018, Y2020, Money.of("0.01")).moving(Y2020, Y2018, Money.of("0.01")).total())
                .isEqualTo(profile.total());
        assertThat(profile.moving(Y2018, Y2020, Money.pounds(5_379_000)).amountIn(Y2018)).isEqualTo(Money.ZERO);
    }

    @Test
    void movingMoreThanAYearHoldsIsRefusedBecauseAmountsAreNeverNegative() {
        SavingsProfile profile = SavingsProfile.of(Map.of(Y2018, Money.pounds(1)));
        assertThatThrownBy(() -> profile.moving(Y2018, Y2020, Money.of("1.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountInIsZeroForAnyYearOfTheEmptyProfile() {
        assertThat(SavingsProfile.EMPTY.amountIn(Y2018)).isEqualTo(Money.ZERO);
        assertThat(SavingsProfile.EMPTY.total()).isEqualTo(Money.ZERO);
        assertThat(SavingsProfile.EMPTY.adding(Y2018, Money.pounds(3)).amountIn(Y2018)).isEqualTo(Money.pounds(3));
    }

    @Test
    void isACopyThatCannotBeChangedFromOutside() {
        java.util.TreeMap<FinancialYear, Money> source = new java.util.TreeMap<>(Map.of(Y2018, Money.pounds(1)));
        SavingsProfile profile = SavingsProfile.of(source);
        source.put(Y2020, Money.pounds(2));
        assertThat(profile.amountIn(Y2020)).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> profile.amounts().put(Y2020, Money.pounds(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> SavingsProfile.of(Map.of(Y2018, Money.pounds(-1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2018/19");
    }
}
