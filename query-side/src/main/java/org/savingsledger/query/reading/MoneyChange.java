package org.savingsledger.query.reading;

import org.savingsledger.shared.Total;

/** {@code year} is null for a figure that is not per year (a programme's target, budget or drawdown). */
public record MoneyChange(String year, String field, Total before, Total after) {
}
