package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Correct a year's delivered total by a signed, non-zero amount. */
public record CorrectSavingDelivery(@TargetAggregateIdentifier SavingId savingId, FinancialYear year, Money amount, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public CorrectSavingDelivery {
        InvalidCommand.required("year", year);
        InvalidCommand.required("amount", amount);
        if (amount.isZero()) {
            throw new InvalidCommand("amount", "must not be 0");
        }
        InvalidCommand.withReason(provenance);
    }
}
