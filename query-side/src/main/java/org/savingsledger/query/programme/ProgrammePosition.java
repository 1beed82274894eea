package org.savingsledger.query.programme;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.reading.FactTypes;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.FundingSource;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A programme's own figures as known at an instant and effective by a date: the fold of its facts.
 * The programme exists once its launch is recorded ({@code asAt}), whatever its effective date, and
 * the launch's description (organisation, name, period) holds from then; every money figure, and
 * every later change of a description, counts only once effective by {@code effectiveOn}.
 * {@code effectiveFrom} is the launch's effective date. {@code bySource} holds the budget and cost money per
 * funding source ({@link FundingSource#NOT_SET} for money that named none), in the order of the sources' names, with
 * every source any counted fact named.
 */
public record ProgrammePosition(String id, String organisation, String name, String description,
                         FinancialYear firstYear, FinancialYear lastYear,
                         Total savingsTarget, Total budgetApproved, Total costDrawnDown, LocalDate effectiveFrom,
                         ProgrammeId follows, String directorate, Total budgetPending,
                         Map<String, FundingLine> bySource) {

    /** A position with no predecessor, directorate or money per source. */
    public ProgrammePosition(String id, String organisation, String name, String description, FinancialYear firstYear,
                             FinancialYear lastYear, Total savingsTarget, Total budgetApproved, Total costDrawnDown,
                             LocalDate effectiveFrom) {
        this(id, organisation, name, description, firstYear, lastYear, savingsTarget, budgetApproved, costDrawnDown,
                effectiveFrom, null, null, Total.ZERO, Map.of());
    }

    public static Optional<ProgrammePosition> of(String id, List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        Map<String, String> values = new HashMap<>();
        Map<String, Total> figures = new HashMap<>();
        Map<String, FundingLine> bySource = new TreeMap<>();
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
                for (Fact.Change change : fact.changes()) {
                    if (FundingLine.FIELDS.contains(change.field())) {
                        String source = FundingSource.key(fact.attribute("source"));
                        bySource.put(source, bySource.getOrDefault(source, FundingLine.ZERO)
                                .plus(change.field(), Total.of(change.delta())));
                    }
                }
            }
        }
        if (effectiveFrom == null) {
            return Optional.empty();
        }
        return Optional.of(new ProgrammePosition(id, values.get("organisation"), values.get("name"),
                values.get("description"), FinancialYear.parse(values.get("firstYear")),
                FinancialYear.parse(values.get("lastYear")),
                figures.getOrDefault("savingsTarget", Total.ZERO), figures.getOrDefault("budgetApproved", Total.ZERO),
                figures.getOrDefault("costDrawnDown", Total.ZERO), effectiveFrom,
                values.containsKey("follows") ? ProgrammeId.of(values.get("follows")) : null, values.get("directorate"),
                figures.getOrDefault("budgetPending", Total.ZERO), Collections.unmodifiableMap(bySource)));
    }
}
