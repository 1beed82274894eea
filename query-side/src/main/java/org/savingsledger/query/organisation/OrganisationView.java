package org.savingsledger.query.organisation;

import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organisation and the roll-up of its programmes as at {@code asAt}, effective on {@code effectiveOn}: per
 * financial year (every year any programme has a line for) the planned, delivered and undelivered
 * (planned − delivered) money, the same in total with the programmes' savings targets, and each programme's
 * line. A programme's target covers its whole period, so targets are summed in total only. A withdrawn saving
 * counts 0 in planned money, as in a programme summary.
 */
public record OrganisationView(String id, String name, String gssCode, Instant asAt, LocalDate effectiveOn,
                               List<OrganisationYear> years, OrganisationTotals totals,
                               List<OrganisationProgramme> programmes) {

    /** Money planned, delivered and undelivered in one financial year, across the organisation's programmes. */
    public record OrganisationYear(FinancialYear year, Total planned, Total delivered, Total undelivered) {
    }

    /** Totals over every year: the savings targets, planned, delivered and undelivered money. */
    public record OrganisationTotals(Total savingsTarget, Total planned, Total delivered, Total undelivered) {
    }

    /** One programme's figures over its years. */
    public record OrganisationProgramme(String id, String name, Total savingsTarget, Total planned, Total delivered,
                            Total undelivered) {
    }

    static OrganisationView of(OrganisationRef organisation, Instant asAt, LocalDate effectiveOn,
                               List<ProgrammeSummary> summaries) {
        Map<FinancialYear, Total[]> byYear = new TreeMap<>();
        List<OrganisationProgramme> programmes = new ArrayList<>();
        Total target = Total.ZERO;
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        for (ProgrammeSummary summary : summaries) {
            for (YearLine line : summary.years()) {
                Total[] sums = byYear.computeIfAbsent(line.year(), year -> new Total[] {Total.ZERO, Total.ZERO});
                sums[0] = sums[0].plus(line.planned());
                sums[1] = sums[1].plus(line.delivered());
            }
            Total programmePlanned = summary.totals().planned();
            Total programmeDelivered = summary.totals().delivered();
            programmes.add(new OrganisationProgramme(summary.id(), summary.name(), summary.savingsTarget(),
                    programmePlanned, programmeDelivered, programmePlanned.minus(programmeDelivered)));
            target = target.plus(summary.savingsTarget());
            planned = planned.plus(programmePlanned);
            delivered = delivered.plus(programmeDelivered);
        }
        List<OrganisationYear> years = new ArrayList<>();
        byYear.forEach((year, sums) -> years.add(new OrganisationYear(year, sums[0], sums[1], sums[0].minus(sums[1]))));
        return new OrganisationView(organisation.id(), organisation.name(), organisation.gssCode(), asAt, effectiveOn,
                years, new OrganisationTotals(target, planned, delivered, planned.minus(delivered)), programmes);
    }
}
