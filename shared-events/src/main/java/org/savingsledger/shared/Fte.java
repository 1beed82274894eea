package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A number of posts as full-time equivalents, exact to two decimal places ({@code 2.50}): never a
 * binary floating point, like money. May be negative, as a correction or a change is. Serialised as a
 * plain JSON number. A figure written with more than two places is refused rather than rounded.
 */
public record Fte(BigDecimal value) implements Comparable<Fte> {

    public static final Fte ZERO = new Fte(BigDecimal.ZERO);

    public Fte {
        Objects.requireNonNull(value, "posts are required");
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most 2 decimal places, was " + value.toPlainString());
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Fte of(BigDecimal value) {
        return new Fte(value);
    }

    public static Fte of(String value) {
        try {
            return new Fte(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number: " + value);
        }
    }

    @JsonValue
    @Override
    public BigDecimal value() {
        return value;
    }

    public Fte plus(Fte other) {
        return new Fte(value.add(other.value));
    }

    public Fte minus(Fte other) {
        return new Fte(value.subtract(other.value));
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(Fte other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
