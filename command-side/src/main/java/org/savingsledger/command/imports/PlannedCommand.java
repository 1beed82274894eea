package org.savingsledger.command.imports;

import org.savingsledger.command.rules.LedgerCommand;

/**
 * One command an import would send, with the tracker row it comes from and what it does in words a
 * finance officer checks a dry run by ("record delivery 2018/19: £80,835.55, from £0.00 to £80,835.55").
 */
public record PlannedCommand(int row, String savingId, String summary, LedgerCommand command) {

    /** The command's name as the API and history show it, e.g. {@code RecordSavingDelivered}. */
    public String name() {
        return command.getClass().getSimpleName();
    }
}
