package org.savingsledger.query.programme;

import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

/**
 * A programme's figures for one financial year, and up to it. {@code undelivered} is planned − delivered
 * in the year: what is still to deliver, negative when more was delivered than planned.
 */
public record YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                       Total cumulativePlanned, Total cumulativeDelivered, Total undelivered) {

    public YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                    Total cumulativePlanned, Total cumulativeDelivered) {
        this(year, planned, delivered, slippedIn, slippedOut, cumulativePlanned, cumulativeDelivered,
                planned.minus(delivered));
    }
}
