package org.savingsledger.query.programme;

import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Total;

/**
 * A programme's figures for one financial year, and up to it. {@code undelivered} is planned − delivered
 * in the year: what is still to deliver, negative when more was delivered than planned. {@code postsPlanned}
 * and {@code postsDelivered} are the posts (FTE) its savings plan to reduce and have reduced in the year
 * (withdrawn savings plan none).
 */
public record YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                       Total cumulativePlanned, Total cumulativeDelivered, Total undelivered, Fte postsPlanned,
                       Fte postsDelivered) {

    public YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                    Total cumulativePlanned, Total cumulativeDelivered, Fte postsPlanned, Fte postsDelivered) {
        this(year, planned, delivered, slippedIn, slippedOut, cumulativePlanned, cumulativeDelivered,
                planned.minus(delivered), postsPlanned, postsDelivered);
    }
}
