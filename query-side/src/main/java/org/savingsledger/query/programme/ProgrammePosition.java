package org.savingsledger.query.programme;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.reading.FactTypes;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A programme's own figures as known at an instant and effective by a date: the fold of its facts.
 * The programme exists once its launch is recorded ({@code asAt}), whatever its effective date, and
 * the launch's description (organisation, name, period) holds from then; every money figure, and
 * every later change of a description, counts only once effective by {@code effectiveOn}.
 * {@code effectiveFrom} is the launch's effective date.
 */
public record ProgrammePosition(String id, String organisation, String name, String description,
                         FinancialYear firstYear, FinancialYear lastYear,
                         Total savingsTarget, Total budgetApproved, Total costDrawnDown, LocalDate effectiveFrom) {

    public static Optional<ProgrammePosition> of(String id, List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        Map<String, String> values = new HashMap<>();
        Map<String, Total> figures = new HashMap<>();
        LocalDate effectiveFrom = null;
        for (Fact fact : facts) {
            if (!fact.isRecordedBy(asAt)) {
                continue;
            }
            boolean launch = FactTypes.opensProgramme(fact);
            if (launch) {
                effectiveFrom = fact.effectiveDate();
            }
            boolean effective = fact.isEffectiveBy(effectiveOn);
            if (launch || effective) {
                fact.attributes().forEach((name, value) -> values.put(name, value.toString()));
            }
            if (effective) {
                fact.changes().forEach(change -> figures.merge(change.field(), Total.of(change.delta()), Total::plus));
            }
        }
        if (effectiveFrom == null) {
            return Optional.empty();
        }
        return Optional.of(new ProgrammePosition(id, values.get("organisation"), values.get("name"),
                values.get("description"), FinancialYear.parse(values.get("firstYear")),
                FinancialYear.parse(values.get("lastYear")),
                figures.getOrDefault("savingsTarget", Total.ZERO), figures.getOrDefault("budgetApproved", Total.ZERO),
                figures.getOrDefault("costDrawnDown", Total.ZERO), effectiveFrom));
    }
}
