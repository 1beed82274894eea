package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Replace the whole posts (FTE) plan; a year left out becomes 0. */
public record ReviseSavingPosts(@TargetAggregateIdentifier SavingId savingId, PostsProfile posts, Provenance provenance,
                                @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ReviseSavingPosts {
        PostsFigures.requireWithinLimit("posts", InvalidCommand.required("posts", posts));
        InvalidCommand.withReason(provenance);
    }
}
