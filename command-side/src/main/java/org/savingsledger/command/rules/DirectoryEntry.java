package org.savingsledger.command.rules;

import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;

/**
 * One id of the ledger directory, with what the checks before and in the aggregates need of it: its kind,
 * its organisation (a saving's or report's is its parent's) and, for a programme or a saving, the
 * programme it is or belongs to. Only the programme's period changes once the id is recorded.
 */
public record DirectoryEntry(String id, LedgerKind kind, String organisation, ProgrammeEntry programme) {
}
