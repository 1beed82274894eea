package org.savingsledger.command.committee;

import org.savingsledger.command.rules.AggregateCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.CommitteeId;

/**
 * A command to an existing committee. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a committee's (ids share one namespace across kinds).
 */
public sealed interface CommitteeCommand extends AggregateCommand
        permits AssignProgrammeToCommittee, PresentPositionReport {

    CommitteeId committeeId();

    @Override
    default CommandTarget target() {
        return CommandTarget.existing(LedgerKind.COMMITTEE, committeeId().value());
    }
}
