package org.savingsledger.command.rules;

/**
 * The business rules of the contract. A refusal names its rule: the HTTP layer answers 422 with
 * the rule's {@link #slug()} in the problem type and its {@link #description()} in the detail.
 */
public enum Rule {
    MOVE_WITHIN_UNDELIVERED_PLAN("move-within-undelivered-plan",
            "a slip or bring-forward moves at most what is planned and not yet delivered in fromYear"),
    YEARS_WITHIN_PROGRAMME_PERIOD("years-within-programme-period",
            "a saving's years lie within its programme's firstYear..lastYear"),
    DELIVERED_NEVER_NEGATIVE("delivered-never-negative",
            "a delivery correction never takes a year's delivered total below 0"),
    WITHDRAWN_SAVING_IS_CLOSED("withdrawn-saving-is-closed",
            "a withdrawn saving takes no further commands"),
    PROGRAMME_MUST_EXIST("programme-must-exist",
            "a programme must exist before anything refers to it"),
    SAME_ORGANISATION("same-organisation",
            "a committee and the programmes it oversees or reports on belong to one organisation"),
    TOTALS_WITHIN_MONEY_LIMIT("totals-within-money-limit",
            "a saving's planned and delivered totals (per year and over all years), a programme's planned and "
                    + "delivered totals across its savings, and its approved budget and cost drawn down stay within "
                    + "1000000000000.00 (£1tn)"),
    APPROVED_BUDGET_NEVER_NEGATIVE("approved-budget-never-negative",
            "a budget correction never takes a programme's approved budget below 0"),
    COST_DRAWN_DOWN_NEVER_NEGATIVE("cost-drawn-down-never-negative",
            "a drawdown correction never takes a programme's cost drawn down below 0"),
    AMENDMENT_CHANGES_EACH_FIELD("amendment-changes-each-field",
            "an amendment of details or of a period changes every field it names from its current value"),
    PERIOD_KEEPS_YEARS_WITH_MONEY("period-keeps-years-with-money",
            "a programme's period keeps every year that holds planned or delivered money of any of its savings"),
    ORGANISATION_MUST_EXIST("organisation-must-exist",
            "a programme's or committee's organisation must be registered (POST /api/organisations) before it is named"),
    FOLLOWS_OWN_PROGRAMME("follows-own-programme",
            "a programme follows an existing programme of its own organisation"),
    RESOLUTION_WITHIN_PENDING("resolution-within-pending",
            "a resolution decides at most the budget pending for its funding source"),
    SOURCE_FIGURES_NEVER_NEGATIVE("source-figures-never-negative",
            "a budget or drawdown correction never takes the approved budget or cost drawn down of its funding "
                    + "source (or of no source) below 0");

    private final String slug;
    private final String description;

    Rule(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }
}
