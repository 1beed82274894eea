package org.savingsledger.query.programme;

import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A programme's summary: per year planned, delivered, slipped in and out and cumulative; totals and
 * gap to target; planned money by confidence, stage and RAG. A withdrawn saving counts 0 in planned totals.
 * {@code effectiveFrom} is the launch's effective date: before it the programme is listed with no money.
 * {@code follows} is the programme it is a later phase of (null when none); {@code budgetPending} the budget bid
 * for and not yet decided (not in {@code budgetApproved}); {@code bySource} the budget approved and pending and the
 * cost drawn down per funding source.
 */
public record ProgrammeSummary(String id, String organisation, String name, String description,
                               FinancialYear firstYear, FinancialYear lastYear, Total savingsTarget,
                               Total budgetApproved, Total costDrawnDown, List<YearLine> years, Totals totals,
                               Map<String, Total> byConfidence, Map<String, Total> byStage,
                               Map<String, Total> byRag, int savingsCount, int withdrawnSavingsCount,
                               LocalDate effectiveFrom, ProgrammeId follows, String directorate, Total budgetPending,
                               Map<String, FundingLine> bySource) {

    /** A summary with no predecessor, directorate or money per source. */
    public ProgrammeSummary(String id, String organisation, String name, String description, FinancialYear firstYear,
                            FinancialYear lastYear, Total savingsTarget, Total budgetApproved, Total costDrawnDown,
                            List<YearLine> years, Totals totals, Map<String, Total> byConfidence,
                            Map<String, Total> byStage, Map<String, Total> byRag, int savingsCount,
                            int withdrawnSavingsCount, LocalDate effectiveFrom) {
        this(id, organisation, name, description, firstYear, lastYear, savingsTarget, budgetApproved, costDrawnDown,
                years, totals, byConfidence, byStage, byRag, savingsCount, withdrawnSavingsCount, effectiveFrom, null,
                null, Total.ZERO, Map.of());
    }

    /** Money with no savings under it yet, and the order of the by-stage/confidence/RAG keys. */
    private static final String NOT_SET = "NOT_SET";

    /**
     * The summary of a programme and its savings: every year of the programme's period and any year
     * a saving plans or delivers in, and every stage, confidence and RAG key, also those with nothing.
     */
    public static ProgrammeSummary of(ProgrammePosition programme, List<SavingPosition> savings) {
        TreeSet<FinancialYear> years = new TreeSet<>(FinancialYear.rangeClosed(programme.firstYear(), programme.lastYear()));
        savings.forEach(saving -> {
            years.addAll(saving.planned().keySet());
            years.addAll(saving.delivered().keySet());
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
                    cumulativePlanned, cumulativeDelivered));
        }
        Map<String, Total> byConfidence = keys(Confidence.values());
        Map<String, Total> byStage = keys(Stage.values());
        Map<String, Total> byRag = keys(Rag.values());
        byRag.put(NOT_SET, Total.ZERO);
        int active = 0;
        for (SavingPosition saving : savings) {
            if (saving.withdrawn()) {
                continue;
            }
            active++;
            Total planned = saving.plannedTotal();
            byConfidence.merge(saving.confidence(), planned, Total::plus);
            byStage.merge(saving.stage(), planned, Total::plus);
            byRag.merge(saving.rag() == null ? NOT_SET : saving.rag(), planned, Total::plus);
        }
        Totals totals = new Totals(cumulativePlanned, cumulativeDelivered,
                programme.savingsTarget().minus(cumulativePlanned));
        return new ProgrammeSummary(programme.id(), programme.organisation(), programme.name(),
                programme.description(), programme.firstYear(), programme.lastYear(), programme.savingsTarget(),
                programme.budgetApproved(), programme.costDrawnDown(), lines, totals, byConfidence, byStage, byRag,
                active, savings.size() - active, programme.effectiveFrom(), programme.follows(),
                programme.directorate(), programme.budgetPending(), programme.bySource());
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
