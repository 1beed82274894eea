package org.savingsledger.query.bi;

import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.util.List;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * A saving with the money slipped into and out of each year, and its history — read from the
 * store when asked for, so an extract holds one saving's history at a time.
 */
public record SavingExtract(SavingView saving, SortedMap<FinancialYear, Total> slippedIn,
                            SortedMap<FinancialYear, Total> slippedOut, Supplier<List<HistoryEntry>> historyReader) {

    public List<HistoryEntry> history() {
        return historyReader.get();
    }
}
