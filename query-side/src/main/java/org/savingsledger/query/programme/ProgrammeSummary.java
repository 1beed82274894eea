package org.savingsledger.query.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A programme's summary: per year planned, delivered, slipped in and out and cumulative, and posts (FTE)
 * planned and delivered; totals and gap to target; planned money by confidence, stage, RAG and category;
 * planned and delivered money by workstream (a saving without one under {@link #NOT_SET}, a workstream
 * being its text as recorded). A withdrawn saving counts 0 in planned totals and planned posts.
 * {@code effectiveFrom} is the launch's effective date: before it the programme is listed with no money.
 * {@code follows} is the programme it is a later phase of (null when none); {@code budgetPending} the budget bid
 * for and not yet decided (not in {@code budgetApproved}); {@code bySource} the budget approved and pending and the
 * cost drawn down per funding source.
 */
public record ProgrammeSummary(String id, String organisation, String name, @Schema(nullable = true) String description,
                               FinancialYear firstYear, FinancialYear lastYear, Total savingsTarget,
                               Total budgetApproved, Total costDrawnDown, List<YearLine> years, Totals totals,
                               Map<String, Total> byConfidence, Map<String, Total> byStage,
                               Map<String, Total> byRag, int savingsCount, int withdrawnSavingsCount,
                               LocalDate effectiveFrom, Map<String, Total> byCategory,
                               Map<String, WorkstreamTotals> byWorkstream, @Schema(nullable = true) ProgrammeId follows,
                               @Schema(nullable = true) String directorate,
                               Total budgetPending, Map<String, FundingLine> bySource) {

    /** A summary with no predecessor, directorate or money per source. */
    public ProgrammeSummary(String id, String organisation, String name, String description, FinancialYear firstYear,
                            FinancialYear lastYear, Total savingsTarget, Total budgetApproved, Total costDrawnDown,
                            List<YearLine> years, Totals totals, Map<String, Total> byConfidence,
                            Map<String, Total> byStage, Map<String, Total> byRag, int savingsCount,
                            int withdrawnSavingsCount, LocalDate effectiveFrom, Map<String, Total> byCategory,
                            Map<String, WorkstreamTotals> byWorkstream) {
        this(id, organisation, name, description, firstYear, lastYear, savingsTarget, budgetApproved, costDrawnDown,
                years, totals, byConfidence, byStage, byRag, savingsCount, withdrawnSavingsCount, effectiveFrom,
                byCategory, byWorkstream, null, null, Total.ZERO, Map.of());
    }

    /** The key of savings with no RAG status, no category or no workstream. */
    public static final String NOT_SET = "NOT_SET";

    /**
     * The summary of a programme and its savings: every year of the programme's period and any year
     * a saving plans or delivers in, and every stage, confidence and RAG key, also those with nothing.
     */
    public static ProgrammeSummary of(ProgrammePosition programme, List<SavingPosition> savings) {
        TreeSet<FinancialYear> years = new TreeSet<>(FinancialYear.rangeClosed(programme.firstYear(), programme.lastYear()));
        savings.forEach(saving -> {
            years.addAll(saving.planned().keySet());
            years.addAll(saving.delivered().keySet());
            years.addAll(saving.postsPlanned().keySet());
            years.addAll(saving.postsDelivered().keySet());
        });
        List<YearLine> lines = new ArrayList<>();
        Total cumulativePlanned = Total.ZERO;
        Total cumulativeDelivered = Total.ZERO;
        for (FinancialYear year : years) {
            Total planned = sum(savings, s -> s.plannedIn(year));
            Total delivered = sum(savings, s -> SavingPosition.amountIn(s.delivered(), year));
            cumulativePlanned = cumulativePlanned.plus(planned);
            cumulativeDelivered = cumulativeDelivered.plus(delivered);
            lines.add(new YearLine(year, planned, delivered,
                    sum(savings, s -> SavingPosition.amountIn(s.slippedIn(), year)),
                    sum(savings, s -> SavingPosition.amountIn(s.slippedOut(), year)),
                    cumulativePlanned, cumulativeDelivered,
                    savings.stream().map(s -> s.postsPlannedIn(year)).reduce(Fte.ZERO, Fte::plus),
                    savings.stream().map(s -> s.postsDeliveredIn(year)).reduce(Fte.ZERO, Fte::plus)));
        }
        Map<String, Total> byConfidence = keys(Confidence.values());
        Map<String, Total> byStage = keys(Stage.values());
        Map<String, Total> byRag = keys(Rag.values());
        byRag.put(NOT_SET, Total.ZERO);
        Map<String, Total> byCategory = keys(SavingCategory.values());
        byCategory.put(NOT_SET, Total.ZERO);
        TreeMap<String, WorkstreamTotals> workstreams = new TreeMap<>();
        int active = 0;
        for (SavingPosition saving : savings) {
            workstreams.merge(saving.workstream() == null ? NOT_SET : saving.workstream(),
                    new WorkstreamTotals(saving.plannedTotal(), saving.deliveredTotal()), WorkstreamTotals::plus);
            if (saving.withdrawn()) {
                continue;
            }
            active++;
            Total planned = saving.plannedTotal();
            byConfidence.merge(saving.confidence(), planned, Total::plus);
            byStage.merge(saving.stage(), planned, Total::plus);
            byRag.merge(saving.rag() == null ? NOT_SET : saving.rag(), planned, Total::plus);
            byCategory.merge(saving.category() == null ? NOT_SET : saving.category(), planned, Total::plus);
        }
        Totals totals = new Totals(cumulativePlanned, cumulativeDelivered,
                programme.savingsTarget().minus(cumulativePlanned));
        return new ProgrammeSummary(programme.id(), programme.organisation(), programme.name(),
                programme.description(), programme.firstYear(), programme.lastYear(), programme.savingsTarget(),
                programme.budgetApproved(), programme.costDrawnDown(), lines, totals, byConfidence, byStage, byRag,
                active, savings.size() - active, programme.effectiveFrom(), byCategory, byWorkstream(workstreams),
                programme.follows(), programme.directorate(), programme.budgetPending(), programme.bySource());
    }

    /** Workstreams by name, {@link #NOT_SET} (savings without one) last. */
    private static Map<String, WorkstreamTotals> byWorkstream(TreeMap<String, WorkstreamTotals> workstreams) {
        WorkstreamTotals notSet = workstreams.remove(NOT_SET);
        Map<String, WorkstreamTotals> ordered = new LinkedHashMap<>(workstreams);
        if (notSet != null) {
            ordered.put(NOT_SET, notSet);
        }
        return ordered;
    }

    private static Total sum(List<SavingPosition> savings, Function<SavingPosition, Total> figure) {
        return savings.stream().map(figure).reduce(Total.ZERO, Total::plus);
    }

    private static <E extends Enum<E>> Map<String, Total> keys(E[] values) {
        Map<String, Total> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(value.name(), Total.ZERO);
        }
        return map;
    }
}
