package org.savingsledger.command.rules;

import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the command side knows across aggregates: which ids exist and of what kind, each one's
 * organisation and each programme's period. Kept in the event store's own database, in the same
 * transaction as the events that change it, so every command-side instance sees the same answer.
 * A command reads it once, for every id it names, before it runs ({@link DirectoryLookup}).
 */
public interface LedgerDirectory {

    /** The entries of those of {@code ids} the directory holds, in one read. */
    Map<String, DirectoryEntry> entries(Collection<String> ids);

    default boolean isTaken(String id) {
        return entries(List.of(id)).containsKey(id);
    }

    /** A programme as the other aggregates need it. */
    record ProgrammeEntry(ProgrammeId id, String organisation, FinancialYear firstYear, FinancialYear lastYear) {

        public boolean covers(FinancialYear year) {
            return year.isWithin(firstYear, lastYear);
        }

        /** {@link Rule#YEARS_WITHIN_PROGRAMME_PERIOD}. */
        public void requireCovers(Collection<FinancialYear> years) {
            for (FinancialYear year : years) {
                if (!covers(year)) {
                    throw new BusinessRuleViolation(Rule.YEARS_WITHIN_PROGRAMME_PERIOD, year + " is outside programme '"
                            + id + "', which runs from " + firstYear + " to " + lastYear);
                }
            }
        }
    }
}
