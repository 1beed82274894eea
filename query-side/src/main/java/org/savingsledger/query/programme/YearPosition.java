package org.savingsledger.query.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.util.ArrayList;
import java.util.List;

/** One financial year across programmes: their totals for the year, and each programme's line. */
public record YearPosition(FinancialYear year, @Schema(nullable = true) String organisation, Total planned, Total delivered,
                           Total slippedIn, Total slippedOut, List<ProgrammeYear> programmes) {

    /** The year across {@code summaries}, in their order; a programme with no line for the year is left out. */
    public static YearPosition of(FinancialYear year, String organisation, List<ProgrammeSummary> summaries) {
        List<ProgrammeYear> lines = new ArrayList<>();
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        Total slippedIn = Total.ZERO;
        Total slippedOut = Total.ZERO;
        for (ProgrammeSummary summary : summaries) {
            YearLine line = summary.years().stream().filter(y -> y.year().equals(year)).findFirst().orElse(null);
            if (line == null) {
                continue;
            }
            lines.add(new ProgrammeYear(summary.id(), summary.name(), line.planned(), line.delivered()));
            planned = planned.plus(line.planned());
            delivered = delivered.plus(line.delivered());
            slippedIn = slippedIn.plus(line.slippedIn());
            slippedOut = slippedOut.plus(line.slippedOut());
        }
        return new YearPosition(year, organisation, planned, delivered, slippedIn, slippedOut, lines);
    }
}
