package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * An exact sum of money to the penny (scale 2), without {@link Money}'s bound: a year's, a saving's,
 * a programme's or an organisation's figure added up from amounts. Each amount a user sends is at
 * most {@link Money#MAX}; what they add up to is not, and a sum that refused to be formed would make
 * every read of it fail. Serialised, like Money, as a plain JSON number ({@code 2000000000000.00}).
 */
public record Total(BigDecimal amount) implements Comparable<Total> {

    public static final Total ZERO = new Total(BigDecimal.ZERO);

    public Total {
        Objects.requireNonNull(amount, "amount is required");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimal places, was " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Total of(BigDecimal amount) {
        return new Total(amount);
    }

    public static Total of(Money money) {
        return new Total(money.amount());
    }

    public static Total of(String amount) {
        return new Total(new BigDecimal(amount));
    }

    public static Total pounds(long pounds) {
        return new Total(BigDecimal.valueOf(pounds));
    }

    /** The sum of some amounts: a profile's total, say. */
    public static Total sum(Collection<Money> amounts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Money amount : amounts) {
            sum = sum.add(amount.amount());
        }
        return new Total(sum);
    }

    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    public Total plus(Total other) {
        return new Total(amount.add(other.amount));
    }

    public Total plus(Money other) {
        return new Total(amount.add(other.amount()));
    }

    public Total minus(Total other) {
        return new Total(amount.subtract(other.amount));
    }

    public Total minus(Money other) {
        return new Total(amount.subtract(other.amount()));
    }

    public Total max(Total other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Whether it could be held as one {@link Money} amount: at most {@link Money#MAX} in magnitude. */
    public boolean isWithinMoneyLimit() {
        return amount.abs().compareTo(Money.MAX.amount()) <= 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Total other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Total other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
