package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Money per financial year, in year order: a saving's planned savings or its deliveries.
 * A year not present counts as zero. Amounts are never negative.
 */
public record SavingsProfile(SortedMap<FinancialYear, Money> amounts) {

    public static final SavingsProfile EMPTY = new SavingsProfile(new TreeMap<>());

    public SavingsProfile {
        Objects.requireNonNull(amounts, "profile is required");
        TreeMap<FinancialYear, Money> copy = new TreeMap<>();
        amounts.forEach((year, amount) -> {
            Objects.requireNonNull(year, "year is required");
            Objects.requireNonNull(amount, "amount for " + year + " is required");
            if (amount.isNegative()) {
                throw new IllegalArgumentException("amount for " + year + " must not be negative");
            }
            copy.put(year, amount);
        });
        amounts = Collections.unmodifiableSortedMap(copy);
    }

    @JsonCreator
    public static SavingsProfile of(Map<FinancialYear, Money> amounts) {
        return new SavingsProfile(amounts == null ? null : new TreeMap<>(amounts));
    }

    @JsonValue
    @Override
    public SortedMap<FinancialYear, Money> amounts() {
        return amounts;
    }

    public Money amountIn(FinancialYear year) {
        return amounts.getOrDefault(year, Money.ZERO);
    }

    public Money total() {
        return amounts.values().stream().reduce(Money.ZERO, Money::plus);
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    /** A copy with {@code year} set to {@code amount}. */
    public SavingsProfile with(FinancialYear year, Money amount) {
        TreeMap<FinancialYear, Money> copy = new TreeMap<>(amounts);
        copy.put(year, amount);
        return new SavingsProfile(copy);
    }

    /** A copy with {@code amount} added to {@code year} (the amount may be negative). */
    public SavingsProfile adding(FinancialYear year, Money amount) {
        return with(year, amountIn(year).plus(amount));
    }

    /** A copy with {@code amount} moved from one year to another; the total is unchanged. */
    public SavingsProfile moving(FinancialYear from, FinancialYear to, Money amount) {
        return adding(from, amount.negate()).adding(to, amount);
    }

    @Override
    public String toString() {
        return amounts.toString();
    }
}
