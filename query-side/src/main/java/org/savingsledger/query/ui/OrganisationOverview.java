package org.savingsledger.query.ui;

import org.savingsledger.query.organisation.OrganisationView;
import org.savingsledger.query.organisation.OrganisationView.OrganisationProgramme;
import org.savingsledger.query.organisation.OrganisationView.OrganisationYear;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An organisation's overview: its programmes with their money and the RAG statuses of their savings, and its money
 * per financial year with a chart. A programme's savings target covers its whole period, not a year, so the chart
 * sets the organisation's total target (all programmes) beside the money planned and delivered up to each year, as a
 * reference level, rather than inventing a target per year.
 */
record OrganisationOverview(List<ProgrammeRow> programmes, List<YearRow> years, Total gapToTarget, Chart chart) {

    /** A programme's line: its figures, its gap to target (target − planned) and its savings' RAG statuses. */
    record ProgrammeRow(OrganisationProgramme programme, Total gapToTarget, RagCounts rag) {
    }

    /** Money of one year across the programmes, and planned and delivered up to and including it. */
    record YearRow(OrganisationYear year, Total plannedToDate, Total deliveredToDate) {
    }

    /** How many of a programme's savings (not withdrawn) are Red, Amber, Green, or have no RAG status. */
    record RagCounts(long red, long amber, long green, long notSet) {

        static RagCounts of(List<SavingView> savings) {
            List<String> rags = savings.stream().filter(saving -> !saving.withdrawn()).map(SavingView::rag).toList();
            return new RagCounts(Collections.frequency(rags, "RED"), Collections.frequency(rags, "AMBER"),
                    Collections.frequency(rags, "GREEN"), rags.stream().filter(rag -> rag == null).count());
        }

        /** The counts in words, "Red 1", "Amber 0", "Green 2", "Not set 0": never a colour alone. */
        public List<String> parts() {
            return List.of("Red " + red, "Amber " + amber, "Green " + green, "Not set " + notSet);
        }
    }

    static OrganisationOverview of(OrganisationView organisation, ProgrammeQueries queries, Instant asAt,
                                   LocalDate effectiveOn) {
        List<ProgrammeRow> programmes = organisation.programmes().stream().map(programme -> new ProgrammeRow(
                programme, programme.savingsTarget().minus(programme.planned()),
                RagCounts.of(queries.savingsOf(programme.id(), asAt, effectiveOn).orElse(List.of())))).toList();
        List<YearRow> years = new ArrayList<>();
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        for (OrganisationYear year : organisation.years()) {
            planned = planned.plus(year.planned());
            delivered = delivered.plus(year.delivered());
            years.add(new YearRow(year, planned, delivered));
        }
        Total target = organisation.totals().savingsTarget();
        return new OrganisationOverview(programmes, years, target.minus(organisation.totals().planned()),
                chart(years, target));
    }

    /** Planned and delivered per year as bars; up to each year as lines; the target of all years as a level. */
    private static Chart chart(List<YearRow> years, Total target) {
        return new Chart(years.stream().map(row -> row.year().year().toString()).toList(), List.of(
                Chart.Series.of("Planned in the year", Chart.Kind.BAR,
                        years.stream().map(row -> row.year().planned()).toList()),
                Chart.Series.of("Delivered in the year", Chart.Kind.BAR,
                        years.stream().map(row -> row.year().delivered()).toList()),
                Chart.Series.of("Planned to date", Chart.Kind.LINE, years.stream().map(YearRow::plannedToDate).toList()),
                Chart.Series.of("Delivered to date", Chart.Kind.LINE,
                        years.stream().map(YearRow::deliveredToDate).toList()),
                Chart.Series.of("Savings target (all programmes, all years)", Chart.Kind.REFERENCE,
                        Collections.nCopies(years.size(), target))));
    }
}
