package org.savingsledger.command.programme;

import org.savingsledger.command.rules.AggregateCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.ProgrammeId;

/**
 * A command to an existing programme. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a programme's (ids share one namespace across kinds).
 */
public sealed interface ProgrammeCommand extends AggregateCommand
        permits ReviseProgrammeTarget, ApproveProgrammeBudget, DrawDownProgrammeCost, CorrectProgrammeBudget,
        CorrectProgrammeCostDrawdown, ChangeProgrammeDetails, ChangeProgrammePeriod, ResolvePendingBudget {

    ProgrammeId programmeId();

    @Override
    default CommandTarget target() {
        return CommandTarget.existing(LedgerKind.PROGRAMME, programmeId().value());
    }
}
