package org.savingsledger.query.saving;

import org.savingsledger.query.history.EventType;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.reading.FactTypes;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Recurrence;
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
 * fold of its facts. The saving exists once its proposal is recorded ({@code asAt}), whatever its
 * effective date, and the proposal's description (programme, title, workstream, owner, stage,
 * confidence, recurrence, category) holds from then; money and posts (FTE) are the sums
 * of the deltas of the facts effective by {@code effectiveOn}, and a later stage, confidence, RAG,
 * classification or withdrawal counts once effective.
 * {@code effectiveFrom} is the proposal's effective date; {@code description} is set only by an
 * amendment; {@code version} is the last fact counted.
 */
public record SavingPosition(String id, String programmeId, String title, String workstream, String owner,
                      String stage, String confidence, String rag, boolean withdrawn,
                      SortedMap<FinancialYear, Total> planned, SortedMap<FinancialYear, Total> delivered,
                      SortedMap<FinancialYear, Total> slippedIn, SortedMap<FinancialYear, Total> slippedOut,
                      long version, LocalDate effectiveFrom, String description, String recurrence, String category,
                      SortedMap<FinancialYear, Fte> postsPlanned, SortedMap<FinancialYear, Fte> postsDelivered) {

    /** What a saving is whose facts say nothing of recurrence (projected before it was recorded): recurring. */
    public static final String DEFAULT_RECURRENCE = Recurrence.RECURRING.name();

    /** A recurring saving with no description, no category and no posts. */
    public SavingPosition(String id, String programmeId, String title, String workstream, String owner, String stage,
                          String confidence, String rag, boolean withdrawn, SortedMap<FinancialYear, Total> planned,
                          SortedMap<FinancialYear, Total> delivered, SortedMap<FinancialYear, Total> slippedIn,
                          SortedMap<FinancialYear, Total> slippedOut, long version, LocalDate effectiveFrom) {
        this(id, programmeId, title, workstream, owner, stage, confidence, rag, withdrawn, planned, delivered, slippedIn,
                slippedOut, version, effectiveFrom, null, DEFAULT_RECURRENCE, null, new TreeMap<>(), new TreeMap<>());
    }

    /**
     * Empty when the saving's proposal had not been recorded by then. {@code facts} are the saving's
     * facts oldest first, or a fold snapshot and the facts after it ({@link HistoryStore#savingFolds}),
     * which stands for facts all counted, the proposal among them.
     */
    public static Optional<SavingPosition> of(String id, List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        Map<String, String> values = new HashMap<>();
        SortedMap<FinancialYear, Total> planned = new TreeMap<>();
        SortedMap<FinancialYear, Total> delivered = new TreeMap<>();
        SortedMap<FinancialYear, Total> slippedIn = new TreeMap<>();
        SortedMap<FinancialYear, Total> slippedOut = new TreeMap<>();
        SortedMap<FinancialYear, Fte> postsPlanned = new TreeMap<>();
        SortedMap<FinancialYear, Fte> postsDelivered = new TreeMap<>();
        boolean proposed = false;
        LocalDate proposalEffective = null;
        long version = -1;
        for (Fact fact : facts) {
            if (!fact.isRecordedBy(asAt)) {
                continue;
            }
            boolean opens = FactTypes.opensSaving(fact);
            boolean effective = fact.isEffectiveBy(effectiveOn);
            if (opens) {
                proposed = true;
                proposalEffective = fact.eventType() == EventType.SAVING_PROPOSED ? fact.effectiveDate() : null;
            }
            if (!opens && !effective) {
                continue;
            }
            version = fact.version();
            fact.attributes().forEach((name, value) -> values.put(name, value.toString()));
            if (!effective) {
                continue;
            }
            for (Fact.Change change : fact.changes()) {
                if (SavingHistoryProjection.POSTS_PLANNED.equals(change.field())
                        || SavingHistoryProjection.POSTS_DELIVERED.equals(change.field())) {
                    (SavingHistoryProjection.POSTS_PLANNED.equals(change.field()) ? postsPlanned : postsDelivered)
                            .merge(FinancialYear.parse(change.year()), Fte.of(change.delta()), Fte::plus);
                    continue;
                }
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
        LocalDate effectiveFrom = proposalEffective != null ? proposalEffective
                : values.get(SavingHistoryProjection.EFFECTIVE_FROM) == null ? null
                : LocalDate.parse(values.get(SavingHistoryProjection.EFFECTIVE_FROM));
        return Optional.of(new SavingPosition(id, values.get("programmeId"), values.get("title"),
                values.get("workstream"), values.get("owner"), values.get("stage"), values.get("confidence"),
                values.get("rag"), "true".equals(values.get("withdrawn")), planned, delivered, slippedIn, slippedOut,
                version, effectiveFrom, values.get("description"), values.getOrDefault("recurrence", DEFAULT_RECURRENCE), values.get("category"),
                postsPlanned, postsDelivered));
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

    /** The posts this saving counts in posts planned: none once withdrawn, like its money. */
    public Fte postsPlannedIn(FinancialYear year) {
        return withdrawn ? Fte.ZERO : postsPlanned.getOrDefault(year, Fte.ZERO);
    }

    public Fte postsDeliveredIn(FinancialYear year) {
        return postsDelivered.getOrDefault(year, Fte.ZERO);
    }

    public Total deliveredTotal() {
        return delivered.values().stream().reduce(Total.ZERO, Total::plus);
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
