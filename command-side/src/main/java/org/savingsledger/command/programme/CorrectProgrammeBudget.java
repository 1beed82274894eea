package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Correct the approved budget of a funding {@code source} (optional) by a signed, non-zero amount: a reduction, or
 * an approval typed wrongly.
 */
public record CorrectProgrammeBudget(@TargetAggregateIdentifier ProgrammeId programmeId, Money amount, Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion, String source) implements ProgrammeCommand {

    public CorrectProgrammeBudget {
        InvalidCommand.nonZero("amount", amount);
        InvalidCommand.withReason(provenance);
        source = FundingSources.given(source);
    }

    /** A correction of the budget approved from no funding source named. */
    public CorrectProgrammeBudget(ProgrammeId programmeId, Money amount, Provenance provenance, Long expectedVersion) {
        this(programmeId, amount, provenance, expectedVersion, null);
    }
}
