package org.savingsledger.query.saving;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.reading.FactTypes;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A saving as the ledger knew it at an instant, counting only changes effective by a date: the
 * fold of its visible facts. Money is the sum of the visible facts' deltas; stage, confidence and
 * RAG (and title, workstream, owner, description) are the last visible values.
 */
public record SavingPosition(String id, String programmeId, String title, String workstream, String owner,
                      String stage, String confidence, String rag, boolean withdrawn,
                      SortedMap<FinancialYear, Total> planned, SortedMap<FinancialYear, Total> delivered,
                      SortedMap<FinancialYear, Total> slippedIn, SortedMap<FinancialYear, Total> slippedOut,
                      long version, String description) {

    /**
     * Empty when the saving had not been proposed (visibly) by then. {@code facts} are the saving's
     * facts oldest first, or a checkpoint and the facts after it ({@link HistoryStore#savingFolds}).
     */
    public static Optional<SavingPosition> of(String id, List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        Map<String, String> values = new HashMap<>();
        SortedMap<FinancialYear, Total> planned = new TreeMap<>();
        SortedMap<FinancialYear, Total> delivered = new TreeMap<>();
        SortedMap<FinancialYear, Total> slippedIn = new TreeMap<>();
        SortedMap<FinancialYear, Total> slippedOut = new TreeMap<>();
        boolean proposed = false;
        long version = -1;
        for (Fact fact : facts) {
            if (!fact.isVisible(asAt, effectiveOn)) {
                continue;
            }
            proposed |= FactTypes.opensSaving(fact);
            version = fact.version();
            fact.attributes().forEach((name, value) -> values.put(name, value.toString()));
            for (Fact.Change change : fact.changes()) {
                SortedMap<FinancialYear, Total> figures = switch (change.field()) {
                    case "planned" -> planned;
                    case "slippedIn" -> slippedIn;
                    case "slippedOut" -> slippedOut;
                    default -> delivered;
                };
                add(figures, change.year(), change.delta());
            }
            if (fact.move() != null) {
                add(slippedOut, fact.move().fromYear(), fact.move().amount());
                add(slippedIn, fact.move().toYear(), fact.move().amount());
            }
        }
        if (!proposed) {
            return Optional.empty();
        }
        return Optional.of(new SavingPosition(id, values.get("programmeId"), values.get("title"),
                values.get("workstream"), values.get("owner"), values.get("stage"), values.get("confidence"),
                values.get("rag"), "true".equals(values.get("withdrawn")), planned, delivered, slippedIn, slippedOut,
                version, values.get("description")));
    }

    /** The positions of those of {@code ids} proposed by then, in that order, folded from {@code facts} by saving id. */
    public static List<SavingPosition> allOf(List<String> ids, Map<String, List<Fact>> facts, Instant asAt,
                                             LocalDate effectiveOn) {
        return ids.stream().flatMap(id -> of(id, facts.get(id), asAt, effectiveOn).stream()).toList();
    }

    /** What this saving counts in planned totals: nothing once withdrawn. */
    public Total plannedIn(FinancialYear year) {
        return withdrawn ? Total.ZERO : planned.getOrDefault(year, Total.ZERO);
    }

    public Total plannedTotal() {
        return withdrawn ? Total.ZERO : planned.values().stream().reduce(Total.ZERO, Total::plus);
    }

    public static Total amountIn(SortedMap<FinancialYear, Total> figures, FinancialYear year) {
        return figures.getOrDefault(year, Total.ZERO);
    }

    private static void add(SortedMap<FinancialYear, Total> figures, String year, BigDecimal amount) {
        figures.merge(FinancialYear.parse(year), Total.of(amount), Total::plus);
    }
}
