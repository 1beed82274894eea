package org.savingsledger.command.imports;

import java.util.List;

/**
 * What importing a tracker would do: the commands, in the order they would be sent, and every problem
 * that stops it. An import with any problem writes nothing; one with no commands is already in the ledger.
 */
public record ImportPlan(Tracker tracker, List<PlannedCommand> commands, List<TrackerProblem> problems) {

    public boolean canCommit() {
        return problems.isEmpty();
    }
}
