package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Approve more cost budget for the programme (adds to what is approved). */
public record ApproveProgrammeBudget(@TargetAggregateIdentifier ProgrammeId programmeId, Money amount, Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion) implements ProgrammeCommand {

    public ApproveProgrammeBudget {
        InvalidCommand.positive("amount", amount);
        InvalidCommand.withReason(provenance);
    }
}
