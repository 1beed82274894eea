package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Correct a year's posts delivered by a signed, non-zero number of FTE. */
public record CorrectSavingPostsDelivered(@TargetAggregateIdentifier SavingId savingId, FinancialYear year, Fte posts,
                                          Provenance provenance, @TargetAggregateVersion Long expectedVersion)
        implements SavingCommand {

    public CorrectSavingPostsDelivered {
        InvalidCommand.required("year", year);
        PostsFigures.requireWithinLimit("posts", InvalidCommand.required("posts", posts));
        if (posts.isZero()) {
            throw new InvalidCommand("posts", "must not be 0");
        }
        InvalidCommand.withReason(provenance);
    }
}
