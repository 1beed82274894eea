package org.savingsledger.command.rules;

import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;

/**
 * The check of {@link Rule#TOTALS_WITHIN_MONEY_LIMIT}, made by an aggregate before a command raises one
 * of its totals. Each amount a user sends is at most {@link Money#MAX} by construction; sums are not,
 * so every total a command adds to is checked against the same bound here.
 */
public final class MoneyLimit {

    private MoneyLimit() {
    }

    /** Refuses the command unless {@code after}, what it would make of {@code figure}, is within the limit. */
    public static void require(String figure, Total after) {
        if (!after.isWithinMoneyLimit()) {
            throw new BusinessRuleViolation(Rule.TOTALS_WITHIN_MONEY_LIMIT,
                    "this would take " + figure + " to " + after + ", past " + Money.MAX);
        }
    }
}
