package org.savingsledger.query.programme;

import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

/** A programme's figures for one financial year, and up to it. */
public record YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                       Total cumulativePlanned, Total cumulativeDelivered) {
}
