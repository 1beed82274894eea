package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Approve more cost budget for the programme (adds to what is approved) from a funding {@code source} (optional),
 * or, when {@code pending}, record a bid for it that is not yet decided (adds to what is pending for the source).
 */
public record ApproveProgrammeBudget(@TargetAggregateIdentifier ProgrammeId programmeId, Money amount, Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion, String source,
                                     boolean pending) implements ProgrammeCommand {

    public ApproveProgrammeBudget {
        InvalidCommand.positive("amount", amount);
        InvalidCommand.withReason(provenance);
        source = FundingSources.given(source);
    }

    /** An approval, not pending, from no funding source named. */
    public ApproveProgrammeBudget(ProgrammeId programmeId, Money amount, Provenance provenance, Long expectedVersion) {
        this(programmeId, amount, provenance, expectedVersion, null, false);
    }
}
