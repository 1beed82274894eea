package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Give the programme a new period, {@code firstYear..lastYear}: extend it, shorten it or move it. */
public record ChangeProgrammePeriod(@TargetAggregateIdentifier ProgrammeId programmeId, FinancialYear firstYear,
                                    FinancialYear lastYear, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion) implements ProgrammeCommand {

    public ChangeProgrammePeriod {
        InvalidCommand.required("firstYear", firstYear);
        InvalidCommand.required("lastYear", lastYear);
        if (lastYear.isBefore(firstYear)) {
            throw new InvalidCommand("lastYear", "must not be before firstYear " + firstYear);
        }
        InvalidCommand.withReasonFor("a change of a programme's period", provenance);
    }
}
