package org.savingsledger.command.programme;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.shared.FundingSource;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;

import java.util.HashMap;
import java.util.Map;

/**
 * A programme's budget approved and pending and its cost drawn down, per funding source (keyed by
 * {@link FundingSource#key}): what the rules on pending bids and on corrections per source look at. Kept in the
 * programme's snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class FundingBySource {

    private Map<String, Total> approved = new HashMap<>();
    private Map<String, Total> pending = new HashMap<>();
    private Map<String, Total> drawn = new HashMap<>();

    /** The pending total stays within the money limit after a new bid. */
    void requireBid(Money amount) {
        Total pendingTotal = pending.values().stream().reduce(Total.ZERO, Total::plus);
        MoneyLimit.require("the programme's pending budget", pendingTotal.plus(amount));
    }

    /** {@link Rule#RESOLUTION_WITHIN_PENDING}. */
    void requireResolvable(String source, Money amount) {
        Total pendingNow = figure(pending, source);
        if (Total.of(amount).isGreaterThan(pendingNow)) {
            throw new BusinessRuleViolation(Rule.RESOLUTION_WITHIN_PENDING, "a resolution of " + amount + " for "
                    + describe(source) + " is more than the " + pendingNow + " pending for it");
        }
    }

    /** {@link Rule#SOURCE_FIGURES_NEVER_NEGATIVE} for a budget correction. */
    void requireApprovedCorrection(String source, Money amount) {
        requireNotNegative(approved, "approved budget", source, amount);
    }

    /** {@link Rule#SOURCE_FIGURES_NEVER_NEGATIVE} for a drawdown correction. */
    void requireDrawnCorrection(String source, Money amount) {
        requireNotNegative(drawn, "cost drawn down", source, amount);
    }

    void approve(String source, Money amount) {
        add(approved, source, Total.of(amount));
    }

    void bid(String source, Money amount) {
        add(pending, source, Total.of(amount));
    }

    void resolve(String source, Money amount, boolean approvedNow) {
        add(pending, source, Total.ZERO.minus(amount));
        if (approvedNow) {
            approve(source, amount);
        }
    }

    void draw(String source, Money amount) {
        add(drawn, source, Total.of(amount));
    }

    private static void requireNotNegative(Map<String, Total> figures, String what, String source, Money amount) {
        Total now = figure(figures, source);
        if (now.plus(amount).isNegative()) {
            throw new BusinessRuleViolation(Rule.SOURCE_FIGURES_NEVER_NEGATIVE, "a correction of " + amount
                    + " would take the " + what + " of " + describe(source) + ", " + now + ", below 0");
        }
    }

    private static Total figure(Map<String, Total> figures, String source) {
        return figures.getOrDefault(FundingSource.key(source), Total.ZERO);
    }

    private static void add(Map<String, Total> figures, String source, Total amount) {
        figures.merge(FundingSource.key(source), amount, Total::plus);
    }

    private static String describe(String source) {
        return source == null ? "no funding source" : "funding source '" + source + "'";
    }
}
