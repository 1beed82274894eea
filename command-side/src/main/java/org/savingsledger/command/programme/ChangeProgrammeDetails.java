package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.Amendments;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Rename the programme, replace its description, or both. A field left out (null) keeps its value; at least one is
 * given. A description can be replaced, not removed.
 */
public record ChangeProgrammeDetails(@TargetAggregateIdentifier ProgrammeId programmeId, String name, String description,
                                     Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion) implements ProgrammeCommand {

    public ChangeProgrammeDetails {
        name = Amendments.given("name", name, 200);
        description = Amendments.given("description", description, 2000);
        if (name == null && description == null) {
            throw new InvalidCommand("body", "must give name or description (or both)");
        }
        InvalidCommand.withReasonFor("a change of a programme's name or description", provenance);
    }
}
