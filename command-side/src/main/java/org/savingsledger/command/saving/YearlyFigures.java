package org.savingsledger.command.saving;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Total;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A saving's planned and delivered money per year, following the saving's money events, and the money
 * rules of the contract about them. Each is a plain sorted map of {@link Total}s, whose JSON is that of
 * a {@link SavingsProfile}; the {@link Saving} aggregate unwraps this member into its own snapshot JSON
 * ({@code planned}, {@code delivered}), so snapshots written before it was a member load as they are.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class YearlyFigures {

    private SortedMap<FinancialYear, Total> planned = new TreeMap<>();
    private SortedMap<FinancialYear, Total> delivered = new TreeMap<>();

    YearlyFigures() {
        // for the aggregate and Jackson
    }

    /**
     * The planned figures as an event records them. Each year fits a Money amount: every command that
     * raises a year is checked against the limit, and no event sets a year past it.
     */
    SavingsProfile plannedProfile() {
        TreeMap<FinancialYear, Money> amounts = new TreeMap<>();
        planned.forEach((year, amount) -> amounts.put(year, Money.of(amount.amount())));
        return new SavingsProfile(amounts);
    }

    SortedMap<FinancialYear, BigDecimal> plannedAmounts() {
        return amounts(planned);
    }

    SortedMap<FinancialYear, BigDecimal> deliveredAmounts() {
        return amounts(delivered);
    }

    private static SortedMap<FinancialYear, BigDecimal> amounts(SortedMap<FinancialYear, Total> figures) {
        SortedMap<FinancialYear, BigDecimal> amounts = new TreeMap<>();
        figures.forEach((year, amount) -> amounts.put(year, amount.amount()));
        return amounts;
    }

    /** {@link Rule#MOVE_WITHIN_UNDELIVERED_PLAN}, and the receiving year's planned total within the limit. */
    void requireMovable(FinancialYear from, FinancialYear to, Money amount, String move) {
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

    void requireDeliveredWithinLimit(FinancialYear year, Money amount) {
        MoneyLimit.require(year + "'s delivered total", in(delivered, year).plus(amount));
        MoneyLimit.require("the saving's delivered total", delivered.values().stream()
                .reduce(Total.ZERO, Total::plus).plus(amount));
    }

    /** {@link Rule#DELIVERED_NEVER_NEGATIVE}. */
    void requireCorrectable(FinancialYear year, Money correction) {
        Total before = in(delivered, year);
        if (before.plus(correction).isNegative()) {
            throw new BusinessRuleViolation(Rule.DELIVERED_NEVER_NEGATIVE, "a correction of " + correction
                    + " would take " + year + "'s delivered total of " + before + " below 0");
        }
    }

    @EventSourcingHandler
    void on(SavingProposed event) {
        planned = of(event.profile());
        delivered = new TreeMap<>();
    }

    @EventSourcingHandler
    void on(SavingProfileRevised event) {
        planned = of(event.profile());
    }

    @EventSourcingHandler
    void on(SavingSlippedToYear event) {
        move(event.fromYear(), event.toYear(), event.amount());
    }

    @EventSourcingHandler
    void on(SavingBroughtForward event) {
        move(event.fromYear(), event.toYear(), event.amount());
    }

    @EventSourcingHandler
    void on(SavingDeliveryRecorded event) {
        delivered.merge(event.year(), Total.of(event.amount()), Total::plus);
    }

    @EventSourcingHandler
    void on(SavingDeliveryCorrected event) {
        delivered.merge(event.year(), Total.of(event.amount()), Total::plus);
    }

    /** Moves {@code amount} of the plan from one year to another: a slip, or a bring-forward. */
    private void move(FinancialYear from, FinancialYear to, Money amount) {
        planned.merge(from, Total.ZERO.minus(amount), Total::plus);
        planned.merge(to, Total.of(amount), Total::plus);
    }

    private static SortedMap<FinancialYear, Total> of(SavingsProfile profile) {
        SortedMap<FinancialYear, Total> figures = new TreeMap<>();
        profile.amounts().forEach((year, amount) -> figures.put(year, Total.of(amount)));
        return figures;
    }

    private static Total in(SortedMap<FinancialYear, Total> figures, FinancialYear year) {
        return figures.getOrDefault(year, Total.ZERO);
    }
}
