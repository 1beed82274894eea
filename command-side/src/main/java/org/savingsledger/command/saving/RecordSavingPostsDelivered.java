package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Record posts (FTE) reduced in a year; adds to that year's posts delivered. */
public record RecordSavingPostsDelivered(@TargetAggregateIdentifier SavingId savingId, FinancialYear year, Fte posts,
                                         Provenance provenance, @TargetAggregateVersion Long expectedVersion)
        implements SavingCommand {

    public RecordSavingPostsDelivered {
        InvalidCommand.required("year", year);
        PostsFigures.requireWithinLimit("posts", InvalidCommand.required("posts", posts));
        if (!posts.isPositive()) {
            throw new InvalidCommand("posts", "must be greater than 0");
        }
        InvalidCommand.withReason(provenance);
    }
}
