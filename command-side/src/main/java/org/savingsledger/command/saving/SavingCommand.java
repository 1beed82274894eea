package org.savingsledger.command.saving;

import org.savingsledger.command.rules.AggregateCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.SavingId;

/**
 * A command to an existing saving. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a saving's (ids share one namespace across kinds).
 */
public sealed interface SavingCommand extends AggregateCommand
        permits ReviseSavingProfile, SlipSavingToYear, BringSavingForward, RecordSavingDelivered, CorrectSavingDelivery,
        ChangeSavingStage, ChangeSavingConfidence, ChangeSavingRag, WithdrawSaving, ChangeSavingDetails,
        ClassifySaving, ReviseSavingPosts, RecordSavingPostsDelivered, CorrectSavingPostsDelivered {

    SavingId savingId();

    @Override
    default CommandTarget target() {
        return CommandTarget.existing(LedgerKind.SAVING, savingId().value());
    }
}
