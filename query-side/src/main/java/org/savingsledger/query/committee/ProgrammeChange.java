package org.savingsledger.query.committee;

import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.shared.FinancialYear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** How a programme's years moved since a report, every year of then or now in order. */
public record ProgrammeChange(String programmeId, List<YearChange> years) {

    /** {@code now} is null when the programme no longer exists as asked: then every year drops to nothing. */
    public static ProgrammeChange between(ProgrammeSummary then, ProgrammeSummary now) {
        Map<FinancialYear, YearLine> thenByYear = new LinkedHashMap<>();
        then.years().forEach(line -> thenByYear.put(line.year(), line));
        Map<FinancialYear, YearLine> nowByYear = new LinkedHashMap<>();
        if (now != null) {
            now.years().forEach(line -> nowByYear.put(line.year(), line));
        }
        TreeSet<FinancialYear> years = new TreeSet<>(thenByYear.keySet());
        years.addAll(nowByYear.keySet());
        return new ProgrammeChange(then.id(), years.stream()
                .map(year -> YearChange.between(year, thenByYear.get(year), nowByYear.get(year))).toList());
    }
}
