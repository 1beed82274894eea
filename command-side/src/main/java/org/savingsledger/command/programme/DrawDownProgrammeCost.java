package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Draw down cost against the programme (adds to what is drawn down), on a funding {@code source} (optional). */
public record DrawDownProgrammeCost(@TargetAggregateIdentifier ProgrammeId programmeId, Money amount, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion, String source) implements ProgrammeCommand {

    public DrawDownProgrammeCost {
        InvalidCommand.positive("amount", amount);
        InvalidCommand.withReason(provenance);
        source = FundingSources.given(source);
    }

    /** A drawdown on no funding source named. */
    public DrawDownProgrammeCost(ProgrammeId programmeId, Money amount, Provenance provenance, Long expectedVersion) {
        this(programmeId, amount, provenance, expectedVersion, null);
    }
}
