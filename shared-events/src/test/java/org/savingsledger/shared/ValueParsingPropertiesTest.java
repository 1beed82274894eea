package org.savingsledger.shared;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Properties of the values every request is parsed into: money is exact at scale 2, financial years
 * and ids round-trip, and anything malformed is refused with an IllegalArgumentException (which the
 * API turns into a 400 naming the field), never with another exception. jqwik reports the tries of
 * each property in the test output.
 */
class ValueParsingPropertiesTest {

    private static final long LIMIT_PENCE = 100_000_000_000_000L;

    @Property(tries = 2000)
    void moneyRoundTripsThroughItsTextAtScaleTwo(@ForAll @LongRange(min = -LIMIT_PENCE, max = LIMIT_PENCE) long pence) {
        Money money = Money.ofPence(pence);
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(Money.of(money.amount().toPlainString())).isEqualTo(money);
        assertThat(money.pence()).isEqualTo(pence);
    }

    @Property(tries = 2000)
    void moneyArithmeticIsExact(@ForAll @LongRange(min = -LIMIT_PENCE / 4, max = LIMIT_PENCE / 4) long a,
                                @ForAll @LongRange(min = -LIMIT_PENCE / 4, max = LIMIT_PENCE / 4) long b) {
        Money sum = Money.ofPence(a).plus(Money.ofPence(b));
        assertThat(sum.pence()).isEqualTo(a + b);
        assertThat(sum.minus(Money.ofPence(b))).isEqualTo(Money.ofPence(a));
    }

    @Property(tries = 1000)
    void moneyWithAThirdDecimalIsRefused(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long mills) {
        BigDecimal amount = BigDecimal.valueOf(mills * 10 + 1 + Math.floorMod(mills, 9), 3);
        assertThatThrownBy(() -> Money.of(amount)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void anyTextIsMoneyOrRefusedCleanly(@ForAll("moneyLikeText") String text) {
        assertThatCode(() -> {
            try {
                Money.of(text);
            } catch (IllegalArgumentException refused) {
                // the one way to refuse
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 500)
    void everyFinancialYearRoundTripsInBothSpellings(@ForAll @IntRange(min = 1990, max = 2099) int start) {
        FinancialYear year = FinancialYear.of(start);
        assertThat(FinancialYear.parse(year.toString())).isEqualTo(year);
        assertThat(FinancialYear.parse(year.toString().replace('/', '-'))).isEqualTo(year);
        if (start < FinancialYear.LAST_START_YEAR) {
            assertThat(year.next().previous()).isEqualTo(year);
        }
    }

    @Property(tries = 2000)
    void anyTextIsAFinancialYearOrRefusedCleanly(@ForAll("yearLikeText") String text) {
        try {
            FinancialYear year = FinancialYear.parse(text);
            assertThat(year.toString()).isEqualTo(text.trim().replace('-', '/'));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void yearsOutsideTheRangeAreRefused(@ForAll @IntRange(min = 0, max = 9999) int start) {
        if (start >= 1990 && start <= 2099) {
            return;
        }
        assertThatThrownBy(() -> FinancialYear.of(start)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void idsMatchThePatternExactly(@ForAll("idLikeText") String text) {
        boolean expected = !text.isEmpty() && text.length() <= 63 && text.chars().allMatch(c -> (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '-') && text.charAt(0) != '-';
        assertThat(LedgerIds.isValid(text)).isEqualTo(expected);
        if (expected) {
            assertThat(SavingId.of(text).value()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> SavingId.of(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> moneyLikeText() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789.-+eE, £").ofMaxLength(24),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> yearLikeText() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789/- ").ofMaxLength(10),
                Arbitraries.integers().between(1900, 2200).map(y -> y + "/" + String.format("%02d", (y + 1) % 100)),
                Arbitraries.integers().between(1980, 2110).flatMap(y -> Arbitraries.integers().between(0, 99)
                        .map(e -> y + "/" + String.format("%02d", e))));
    }

    @Provide
    Arbitrary<String> idLikeText() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("abcxyz019-").ofMaxLength(70),
                Arbitraries.strings().withChars("abcXYZ09-_ ./é").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(10));
    }
}
