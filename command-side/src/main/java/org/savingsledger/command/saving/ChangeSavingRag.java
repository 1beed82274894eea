package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;

/** Set the saving's RAG status. */
public record ChangeSavingRag(@TargetAggregateIdentifier SavingId savingId, Rag status, Provenance provenance,
                              @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ChangeSavingRag {
        InvalidCommand.required("status", status);
        InvalidCommand.withReason(provenance);
    }
}
