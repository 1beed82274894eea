package org.savingsledger.query.committee;

import org.savingsledger.query.programme.YearLine;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

/** One year of a programme: planned and delivered when a report was presented, now, and the difference. */
public record YearChange(FinancialYear year, Total plannedThen, Total plannedNow, Total plannedDelta,
                         Total deliveredThen, Total deliveredNow, Total deliveredDelta) {

    /** A year missing then or now counts nothing then or now. */
    public static YearChange between(FinancialYear year, YearLine then, YearLine now) {
        Total plannedThen = then == null ? Total.ZERO : then.planned();
        Total plannedNow = now == null ? Total.ZERO : now.planned();
        Total deliveredThen = then == null ? Total.ZERO : then.delivered();
        Total deliveredNow = now == null ? Total.ZERO : now.delivered();
        return new YearChange(year, plannedThen, plannedNow, plannedNow.minus(plannedThen),
                deliveredThen, deliveredNow, deliveredNow.minus(deliveredThen));
    }
}
