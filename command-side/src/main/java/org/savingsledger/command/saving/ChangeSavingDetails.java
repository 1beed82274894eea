package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.Amendments;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/**
 * Replace any of the saving's title, workstream, owner and description. A field left out (null) keeps its value; at
 * least one is given. A value can be replaced, not removed.
 */
public record ChangeSavingDetails(@TargetAggregateIdentifier SavingId savingId, String title, String workstream, String owner,
                                  String description, Provenance provenance,
                                  @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ChangeSavingDetails {
        title = Amendments.given("title", title, 500);
        workstream = Amendments.given("workstream", workstream, 200);
        owner = Amendments.given("owner", owner, 200);
        description = Amendments.given("description", description, 2000);
        if (title == null && workstream == null && owner == null && description == null) {
            throw new InvalidCommand("body", "must give at least one of title, workstream, owner, description");
        }
        InvalidCommand.withReasonFor("a change of a saving's details", provenance);
    }
}
