package org.savingsledger.query.view;

import org.savingsledger.query.history.Fact;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A programme's own figures as known at an instant and effective by a date: the fold of its visible facts. */
record ProgrammePosition(String id, String organisation, String name, String description,
                         FinancialYear firstYear, FinancialYear lastYear,
                         Money savingsTarget, Money budgetApproved, Money costDrawnDown) {

    static Optional<ProgrammePosition> of(String id, List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        Map<String, String> values = new HashMap<>();
        Map<String, Money> figures = new HashMap<>();
        boolean launched = false;
        for (Fact fact : facts) {
            if (!fact.isVisible(asAt, effectiveOn)) {
                continue;
            }
            launched |= "ProgrammeLaunched".equals(fact.type());
            fact.attributes().forEach((name, value) -> values.put(name, value.toString()));
            fact.changes().forEach(change -> figures.merge(change.field(), Money.of(change.delta()), Money::plus));
        }
        if (!launched) {
            return Optional.empty();
        }
        return Optional.of(new ProgrammePosition(id, values.get("organisation"), values.get("name"),
                values.get("description"), FinancialYear.parse(values.get("firstYear")),
                FinancialYear.parse(values.get("lastYear")),
                figures.getOrDefault("savingsTarget", Money.ZERO), figures.getOrDefault("budgetApproved", Money.ZERO),
                figures.getOrDefault("costDrawnDown", Money.ZERO)));
    }
}
