package org.savingsledger.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.Money;

import java.time.LocalDate;

/** The bodies of a programme's budget commands that name a funding source and may be pending. */
final class FundingRequests {

    private FundingRequests() {
    }

    /** A budget approval (an amount above zero), or with {@code pending} true a bid for it not yet decided. */
    record BudgetApprovalRequest(
            @NotNull Money amount,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            @Size(max = 200) String source,
            Boolean pending) implements CommandBody {
    }

    /** A decision on budget pending for a funding source. */
    record PendingBudgetResolutionRequest(
            @Size(max = 200) String source,
            @NotNull Money amount,
            @NotNull BudgetDecision decision,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }
}
