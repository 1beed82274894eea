package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.Amendments;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Rename the programme, replace its description, move it to another directorate, or any of these together. A field
 * left out (null) keeps its value; at least one is given. A description or directorate can be replaced, not removed.
 */
public record ChangeProgrammeDetails(@TargetAggregateIdentifier ProgrammeId programmeId, String name, String description,
                                     Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion, String directorate) implements ProgrammeCommand {

    public ChangeProgrammeDetails {
        name = Amendments.given("name", name, 200);
        description = Amendments.given("description", description, 2000);
        directorate = Amendments.given("directorate", directorate, 200);
        if (name == null && description == null && directorate == null) {
            throw new InvalidCommand("body", "must give name, description or directorate (or more than one)");
        }
        InvalidCommand.withReasonFor("a change of a programme's name, description or directorate", provenance);
    }

    /** A change of name or description only. */
    public ChangeProgrammeDetails(ProgrammeId programmeId, String name, String description, Provenance provenance,
                                  Long expectedVersion) {
        this(programmeId, name, description, provenance, expectedVersion, null);
    }
}
