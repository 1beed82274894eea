package org.savingsledger.command.imports;

import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * One saving as a tracker row states it. A field whose column the tracker does not have is null (or
 * an empty map) and left as the ledger has it; a column that is there but blank says "nothing" (zero
 * for an amount), which is why {@code given} lists the fields the tracker has columns for.
 *
 * @param cells where each field was read, so a refusal of the command it leads to can name the cell
 */
public record TrackerLine(int row, String programmeId, String savingId, String title, String workstream, String owner,
                          Stage stage, Confidence confidence, Rag rag, Recurrence recurrence, SavingCategory category,
                          String description, SortedMap<FinancialYear, BigDecimal> planned,
                          SortedMap<FinancialYear, BigDecimal> delivered, SortedMap<FinancialYear, BigDecimal> postsPlanned,
                          SortedMap<FinancialYear, BigDecimal> postsDelivered, Set<TrackerField> given,
                          Map<TrackerField, CellRef> cells) {
}
