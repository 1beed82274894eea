package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of pounds sterling, held to the penny (scale 2). May be negative: deltas and
 * delivery corrections are signed. Serialised as a plain JSON number ({@code 6804000.00}).
 *
 * <p>An amount written with more than two decimal places is refused rather than rounded: a
 * finance figure that had to be rounded to be stored is not the figure the user sent.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** The largest magnitude accepted: £1 trillion, far above any council budget, well inside a long of pence. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    // Declared after LIMIT: static fields initialise in order, and the constructor reads LIMIT.
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** The largest amount, £1 trillion: sums of amounts may go past it, so they are {@link Total}s. */
    public static final Money MAX = new Money(LIMIT);

    public Money {
        Objects.requireNonNull(amount, "amount is required");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimal places, was " + amount.toPlainString());
        }
        if (amount.abs().compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("must be at most " + LIMIT.toPlainString() + " in magnitude");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money of(String amount) {
        try {
            return new Money(new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number: " + amount);
        }
    }

    public static Money pounds(long pounds) {
        return new Money(BigDecimal.valueOf(pounds));
    }

    public static Money ofPence(long pence) {
        return new Money(BigDecimal.valueOf(pence, 2));
    }

    @JsonValue
    @Override
    public BigDecimal amount() {
        return amount;
    }

    public long pence() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
