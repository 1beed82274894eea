package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;

/** Replace the whole planned profile; a year left out becomes 0. */
public record ReviseSavingProfile(@TargetAggregateIdentifier SavingId savingId, SavingsProfile profile, Provenance provenance,
                                  @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ReviseSavingProfile {
        InvalidCommand.required("profile", profile);
        InvalidCommand.withReason(provenance);
    }
}
