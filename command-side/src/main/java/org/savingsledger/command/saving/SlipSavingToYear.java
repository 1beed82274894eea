package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Move planned savings from a year to a later one (risk re-profiling); the total is unchanged. */
public record SlipSavingToYear(@TargetAggregateIdentifier SavingId savingId, FinancialYear fromYear, FinancialYear toYear, Money amount,
                               Provenance provenance,
                               @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public SlipSavingToYear {
        InvalidCommand.required("fromYear", fromYear);
        InvalidCommand.required("toYear", toYear);
        if (!toYear.isAfter(fromYear)) {
            throw new InvalidCommand("toYear", "must be later than fromYear " + fromYear);
        }
        InvalidCommand.positive("amount", amount);
        InvalidCommand.withReason(provenance);
    }
}
