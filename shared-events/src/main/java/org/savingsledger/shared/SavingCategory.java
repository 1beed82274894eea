package org.savingsledger.shared;

/** What kind of saving it is, as councils' reports split their totals. */
public enum SavingCategory {
    /** Spending less than the current budget: fewer posts, cheaper contracts. */
    COST_REDUCTION,
    /** More income: fees, charges, trading, grants. */
    INCOME_GENERATION,
    /** A rise in cost that would have come and is prevented: demand managed, prices held. */
    COST_AVOIDANCE
}
