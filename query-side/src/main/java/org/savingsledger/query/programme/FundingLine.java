package org.savingsledger.query.programme;

import org.savingsledger.shared.Total;

import java.util.Set;

/**
 * A programme's money from one funding source: budget approved, budget pending a decision (not counted in
 * approved), and cost drawn down on it.
 */
public record FundingLine(Total approved, Total pending, Total drawn) {

    public static final FundingLine ZERO = new FundingLine(Total.ZERO, Total.ZERO, Total.ZERO);

    /** The fields of a programme's facts that hold funding money. */
    static final Set<String> FIELDS = Set.of("budgetApproved", "budgetPending", "costDrawnDown");

    /** This line with {@code delta} added to the figure a programme fact names {@code field}; other fields ignored. */
    FundingLine plus(String field, Total delta) {
        return switch (field) {
            case "budgetApproved" -> new FundingLine(approved.plus(delta), pending, drawn);
            case "budgetPending" -> new FundingLine(approved, pending.plus(delta), drawn);
            case "costDrawnDown" -> new FundingLine(approved, pending, drawn.plus(delta));
            default -> this;
        };
    }

}
