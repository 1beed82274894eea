package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Correct the cost drawn down on a funding {@code source} (optional) by a signed, non-zero amount: a drawdown
 * reversed, or typed wrongly.
 */
public record CorrectProgrammeCostDrawdown(@TargetAggregateIdentifier ProgrammeId programmeId, Money amount,
                                           Provenance provenance,
                                           @TargetAggregateVersion Long expectedVersion, String source) implements ProgrammeCommand {

    public CorrectProgrammeCostDrawdown {
        InvalidCommand.nonZero("amount", amount);
        InvalidCommand.withReason(provenance);
        source = FundingSources.given(source);
    }

    /** A correction of the cost drawn down on no funding source named. */
    public CorrectProgrammeCostDrawdown(ProgrammeId programmeId, Money amount, Provenance provenance, Long expectedVersion) {
        this(programmeId, amount, provenance, expectedVersion, null);
    }
}
