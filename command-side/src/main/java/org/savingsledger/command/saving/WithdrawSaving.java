package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Withdraw the saving: it keeps its history, takes no further commands and counts 0 in planned totals from now on. */
public record WithdrawSaving(@TargetAggregateIdentifier SavingId savingId, Provenance provenance,
                             @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public WithdrawSaving {
        InvalidCommand.withReason(provenance);
    }
}
