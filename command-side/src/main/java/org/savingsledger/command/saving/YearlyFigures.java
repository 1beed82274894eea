package org.savingsledger.command.saving;

import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Total;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A saving's planned or delivered money per year, and the money rules of the contract about them. The
 * aggregate keeps each as a plain sorted map of {@link Total}s, whose JSON in a snapshot is that of a
 * {@link SavingsProfile}, so snapshots load whichever of the two wrote them.
 */
final class YearlyFigures {

    private YearlyFigures() {
    }

    static SortedMap<FinancialYear, Total> of(SavingsProfile profile) {
        SortedMap<FinancialYear, Total> figures = new TreeMap<>();
        profile.amounts().forEach((year, amount) -> figures.put(year, Total.of(amount)));
        return figures;
    }

    /**
     * The planned figures as an event records them. Each year fits a Money amount: every command that
     * raises a year is checked against the limit, and no event sets a year past it.
     */
    static SavingsProfile asProfile(SortedMap<FinancialYear, Total> planned) {
        TreeMap<FinancialYear, Money> amounts = new TreeMap<>();
        planned.forEach((year, amount) -> amounts.put(year, Money.of(amount.amount())));
        return new SavingsProfile(amounts);
    }

    static Total in(SortedMap<FinancialYear, Total> figures, FinancialYear year) {
        return figures.getOrDefault(year, Total.ZERO);
    }

    static void add(SortedMap<FinancialYear, Total> figures, FinancialYear year, Total amount) {
        figures.merge(year, amount, Total::plus);
    }

    /** Moves {@code amount} of the plan from one year to another: a slip, or a bring-forward. */
    static void move(SortedMap<FinancialYear, Total> planned, FinancialYear from, FinancialYear to, Money amount) {
        add(planned, from, Total.ZERO.minus(amount));
        add(planned, to, Total.of(amount));
    }

    /** {@link Rule#MOVE_WITHIN_UNDELIVERED_PLAN}, and the receiving year's planned total within the limit. */
    static void requireMovable(SortedMap<FinancialYear, Total> planned, SortedMap<FinancialYear, Total> delivered,
                               FinancialYear from, FinancialYear to, Money amount, String move) {
        Total movable = in(planned, from).minus(in(delivered, from)).max(Total.ZERO);
        if (Total.of(amount).isGreaterThan(movable)) {
            throw new BusinessRuleViolation(Rule.MOVE_WITHIN_UNDELIVERED_PLAN, "cannot " + move + " " + amount
                    + " from " + from + ": only " + movable + " is planned and not yet delivered there");
        }
        // the saving's total is unchanged, so within the limit unless its stream already holds more
        MoneyLimit.require(to + "'s planned total", in(planned, to).plus(amount));
    }

    static void requirePlannedWithinLimit(SavingsProfile profile) {
        MoneyLimit.require("the saving's planned total", Total.sum(profile.amounts().values()));
    }

    static void requireDeliveredWithinLimit(SortedMap<FinancialYear, Total> delivered, FinancialYear year, Money amount) {
        MoneyLimit.require(year + "'s delivered total", in(delivered, year).plus(amount));
        MoneyLimit.require("the saving's delivered total", delivered.values().stream()
                .reduce(Total.ZERO, Total::plus).plus(amount));
    }

    /** {@link Rule#DELIVERED_NEVER_NEGATIVE}. */
    static void requireCorrectable(SortedMap<FinancialYear, Total> delivered, FinancialYear year, Money correction) {
        Total before = in(delivered, year);
        if (before.plus(correction).isNegative()) {
            throw new BusinessRuleViolation(Rule.DELIVERED_NEVER_NEGATIVE, "a correction of " + correction
                    + " would take " + year + "'s delivered total of " + before + " below 0");
        }
    }
}
