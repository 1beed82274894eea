package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Record savings delivered (achieved) in a year; adds to that year's delivered total. */
public record RecordSavingDelivered(@TargetAggregateIdentifier SavingId savingId, FinancialYear year, Money amount, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public RecordSavingDelivered {
        InvalidCommand.required("year", year);
        InvalidCommand.positive("amount", amount);
        InvalidCommand.withReason(provenance);
    }
}
