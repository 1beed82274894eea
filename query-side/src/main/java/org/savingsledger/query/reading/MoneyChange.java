package org.savingsledger.query.reading;

import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.shared.Total;

/** {@code year} is null for a figure that is not per year (a programme's target, budget or drawdown). */
public record MoneyChange(@Schema(nullable = true) String year, String field, Total before, Total after) {
}
