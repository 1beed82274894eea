package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Replace the programme's savings target. */
public record ReviseProgrammeTarget(@TargetAggregateIdentifier ProgrammeId programmeId, Money savingsTarget, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion) implements ProgrammeCommand {

    public ReviseProgrammeTarget {
        InvalidCommand.notNegative("savingsTarget", savingsTarget);
        InvalidCommand.withReason(provenance);
    }
}
