package org.savingsledger.query.ui;

import org.savingsledger.query.programme.FundingLine;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.WorkstreamTotals;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.Total;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A programme's money broken down as the summary holds it — planned by stage, confidence and RAG, planned and
 * delivered by workstream, budget and cost by funding source — with the number of its savings (not withdrawn) under
 * each key, counted from its savings; and its per-year chart. Withdrawn savings plan nothing, as in the summary.
 */
record ProgrammeBreakdowns(List<Row> byStage, List<Row> byConfidence, List<Row> byRag, List<Row> byWorkstream,
                           List<Funding> bySource, Total approvedNotDrawn, Chart chart) {

    /** One key of a breakdown: its savings not withdrawn, planned money, and delivered (workstreams only, else null). */
    record Row(String key, long savings, Total planned, Total delivered) {

        public boolean isNotSet() {
            return ProgrammeSummary.NOT_SET.equals(key);
        }
    }

    /** A funding source's budget approved and pending and its cost drawn down. */
    record Funding(String source, Total approved, Total pending, Total drawn) {

        public boolean isNotSet() {
            return ProgrammeSummary.NOT_SET.equals(source);
        }
    }

    static ProgrammeBreakdowns of(ProgrammeSummary summary, List<SavingView> savings) {
        List<SavingView> active = savings.stream().filter(saving -> !saving.withdrawn()).toList();
        List<Row> byWorkstream = new ArrayList<>();
        for (Map.Entry<String, WorkstreamTotals> entry : summary.byWorkstream().entrySet()) {
            byWorkstream.add(new Row(entry.getKey(), count(active, ProgrammeBreakdowns::workstream, entry.getKey()),
                    entry.getValue().planned(), entry.getValue().delivered()));
        }
        List<Funding> bySource = new ArrayList<>();
        for (Map.Entry<String, FundingLine> entry : summary.bySource().entrySet()) {
            FundingLine line = entry.getValue();
            bySource.add(new Funding(entry.getKey(), line.approved(), line.pending(), line.drawn()));
        }
        return new ProgrammeBreakdowns(rows(summary.byStage(), active, SavingView::stage),
                rows(summary.byConfidence(), active, SavingView::confidence),
                rows(summary.byRag(), active, ProgrammeBreakdowns::rag), byWorkstream, bySource,
                summary.budgetApproved().minus(summary.costDrawnDown()), chart(summary.years()));
    }

    /** Planned, delivered, slipped in and slipped out per year, as bars. */
    static Chart chart(List<YearLine> years) {
        return new Chart(years.stream().map(line -> line.year().toString()).toList(), List.of(
                Chart.Series.of("Planned", Chart.Kind.BAR, years.stream().map(YearLine::planned).toList()),
                Chart.Series.of("Delivered", Chart.Kind.BAR, years.stream().map(YearLine::delivered).toList()),
                Chart.Series.of("Slipped in", Chart.Kind.BAR, years.stream().map(YearLine::slippedIn).toList()),
                Chart.Series.of("Slipped out", Chart.Kind.BAR, years.stream().map(YearLine::slippedOut).toList())));
    }

    private static List<Row> rows(Map<String, Total> planned, List<SavingView> active,
                                  Function<SavingView, String> key) {
        return planned.entrySet().stream()
                .map(entry -> new Row(entry.getKey(), count(active, key, entry.getKey()), entry.getValue(), null))
                .toList();
    }

    private static long count(List<SavingView> savings, Function<SavingView, String> key, String value) {
        return savings.stream().filter(saving -> value.equals(key.apply(saving))).count();
    }

    private static String rag(SavingView saving) {
        return saving.rag() == null ? ProgrammeSummary.NOT_SET : saving.rag();
    }

    private static String workstream(SavingView saving) {
        return saving.workstream() == null ? ProgrammeSummary.NOT_SET : saving.workstream();
    }
}
