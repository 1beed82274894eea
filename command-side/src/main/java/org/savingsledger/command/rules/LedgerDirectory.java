package org.savingsledger.command.rules;

import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;

import java.util.Optional;

/**
 * What the command side knows across aggregates: which ids exist and of what kind, and each
 * programme's organisation and period. Kept in the event store's own database, in the same
 * transaction as the events that change it, so every command-side instance sees the same answer.
 */
public interface LedgerDirectory {

    Optional<LedgerKind> kindOf(String id);

    Optional<ProgrammeEntry> programme(ProgrammeId id);

    /** The organisation an id belongs to: a programme's or committee's own, a saving's programme's, a report's committee's. */
    Optional<String> organisationOf(String id);

    default boolean isTaken(String id) {
        return kindOf(id).isPresent();
    }

    /** A programme as the other aggregates need it. */
    record ProgrammeEntry(ProgrammeId id, String organisation, FinancialYear firstYear, FinancialYear lastYear) {

        public boolean covers(FinancialYear year) {
            return year.isWithin(firstYear, lastYear);
        }
    }
}
