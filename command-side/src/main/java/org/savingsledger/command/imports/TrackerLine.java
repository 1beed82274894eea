package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One saving as a tracker row states it. A field whose column the tracker does not have is null (or
 * an empty map) and left as the ledger has it; a column that is there but blank says "nothing" (zero
 * for an amount), which is why {@code given} lists the fields the tracker has columns for.
 *
 * @param cells where each field (and each year of a yearly field) was read, so a problem with it can name its cell
 * @param withdrawn Yes or No in a Withdrawn column; null without one (or with it blank)
 */
public record TrackerLine(int row, String programmeId, String savingId, String title, String workstream, String owner,
                          Stage stage, Confidence confidence, Rag rag, Recurrence recurrence, SavingCategory category,
                          String description, SortedMap<FinancialYear, BigDecimal> planned,
                          SortedMap<FinancialYear, BigDecimal> delivered, SortedMap<FinancialYear, BigDecimal> postsPlanned,
                          SortedMap<FinancialYear, BigDecimal> postsDelivered, Set<TrackerField> given,
                          Map<TrackerColumn, CellRef> cells, Boolean withdrawn) {

    /** The line without the yearly figures of years {@code keep} refuses. */
    public TrackerLine keepingYears(Predicate<FinancialYear> keep) {
        return new TrackerLine(row, programmeId, savingId, title, workstream, owner, stage, confidence, rag, recurrence, category,
                description, kept(planned, keep), kept(delivered, keep), kept(postsPlanned, keep), kept(postsDelivered, keep),
                given, cells, withdrawn);
    }

    private static SortedMap<FinancialYear, BigDecimal> kept(SortedMap<FinancialYear, BigDecimal> figures,
                                                             Predicate<FinancialYear> keep) {
        SortedMap<FinancialYear, BigDecimal> kept = new TreeMap<>();
        figures.forEach((year, figure) -> {
            if (keep.test(year)) {
                kept.put(year, figure);
            }
        });
        return Collections.unmodifiableSortedMap(kept);
    }
}
