package org.savingsledger.query.organisation;

import io.swagger.v3.oas.annotations.media.Schema;
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
 * (planned − delivered) money, the same in total with the programmes' savings targets, the same per
 * directorate, and each programme's line. A programme's target covers its whole period, so targets are summed
 * in total only. A withdrawn saving counts 0 in planned money, as in a programme summary. Programmes are listed
 * by id, except that a phase comes right after the programme it follows (Phase 2 after Phase 1).
 */
public record OrganisationView(String id, String name, @Schema(nullable = true) String gssCode, Instant asAt, LocalDate effectiveOn,
                               List<OrganisationYear> years, OrganisationTotals totals,
                               List<OrganisationProgramme> programmes, List<DirectorateTotals> byDirectorate) {

    /** Programmes without a directorate are rolled up under this key. */
    public static final String NOT_SET = "NOT_SET";

    /** Money planned, delivered and undelivered in one financial year, across the organisation's programmes. */
    public record OrganisationYear(FinancialYear year, Total planned, Total delivered, Total undelivered) {
    }

    /** Totals over every year: the savings targets, planned, delivered and undelivered money. */
    public record OrganisationTotals(Total savingsTarget, Total planned, Total delivered, Total undelivered) {
    }

    /** One programme's figures over its years, its directorate and the programme it follows (null for none). */
    public record OrganisationProgramme(String id, String name, Total savingsTarget, Total planned, Total delivered,
                            Total undelivered, @Schema(nullable = true) String directorate,
                                         @Schema(nullable = true) String follows) {
    }

    /** The totals of one directorate's programmes ({@link #NOT_SET} for programmes without one). */
    public record DirectorateTotals(String directorate, Total savingsTarget, Total planned, Total delivered,
                                    Total undelivered) {
    }

    static OrganisationView of(OrganisationRef organisation, Instant asAt, LocalDate effectiveOn,
                               List<ProgrammeSummary> summaries) {
        Map<FinancialYear, Total[]> byYear = new TreeMap<>();
        List<OrganisationProgramme> programmes = new ArrayList<>();
        Total target = Total.ZERO;
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        Map<String, Total[]> byDirectorate = new TreeMap<>();
        for (ProgrammeSummary summary : inPhaseOrder(summaries)) {
            for (YearLine line : summary.years()) {
                Total[] sums = byYear.computeIfAbsent(line.year(), year -> new Total[] {Total.ZERO, Total.ZERO});
                sums[0] = sums[0].plus(line.planned());
                sums[1] = sums[1].plus(line.delivered());
            }
            Total programmePlanned = summary.totals().planned();
            Total programmeDelivered = summary.totals().delivered();
            programmes.add(new OrganisationProgramme(summary.id(), summary.name(), summary.savingsTarget(),
                    programmePlanned, programmeDelivered, programmePlanned.minus(programmeDelivered),
                    summary.directorate(), summary.follows() == null ? null : summary.follows().value()));
            Total[] directorate = byDirectorate.computeIfAbsent(
                    summary.directorate() == null ? NOT_SET : summary.directorate(),
                    key -> new Total[] {Total.ZERO, Total.ZERO, Total.ZERO});
            directorate[0] = directorate[0].plus(summary.savingsTarget());
            directorate[1] = directorate[1].plus(programmePlanned);
            directorate[2] = directorate[2].plus(programmeDelivered);
            target = target.plus(summary.savingsTarget());
            planned = planned.plus(programmePlanned);
            delivered = delivered.plus(programmeDelivered);
        }
        List<OrganisationYear> years = new ArrayList<>();
        byYear.forEach((year, sums) -> years.add(new OrganisationYear(year, sums[0], sums[1], sums[0].minus(sums[1]))));
        List<DirectorateTotals> directorates = new ArrayList<>();
        byDirectorate.forEach((key, sums) -> directorates.add(new DirectorateTotals(key, sums[0], sums[1], sums[2],
                sums[1].minus(sums[2]))));
        return new OrganisationView(organisation.id(), organisation.name(), organisation.gssCode(), asAt, effectiveOn,
                years, new OrganisationTotals(target, planned, delivered, planned.minus(delivered)), programmes,
                directorates);
    }

    /**
     * By id, each phase right after the programme it follows: a programme whose predecessor is not among
     * them (another organisation's, or none) starts a chain, and its followers come after it in id order.
     */
    static List<ProgrammeSummary> inPhaseOrder(List<ProgrammeSummary> summaries) {
        Map<String, ProgrammeSummary> byId = new TreeMap<>();
        summaries.forEach(summary -> byId.put(summary.id(), summary));
        Map<String, List<ProgrammeSummary>> followers = new TreeMap<>();
        List<ProgrammeSummary> starts = new ArrayList<>();
        for (ProgrammeSummary summary : byId.values()) {
            String follows = summary.follows() == null ? null : summary.follows().value();
            if (follows == null || !byId.containsKey(follows) || follows.equals(summary.id())) {
                starts.add(summary);
            } else {
                followers.computeIfAbsent(follows, key -> new ArrayList<>()).add(summary);
            }
        }
        List<ProgrammeSummary> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (ProgrammeSummary start : starts) {
            placeWithFollowers(start, followers, ordered, placed);
        }
        // a cycle of phases (which the command side refuses) would leave some unplaced: list them by id
        byId.values().stream().filter(summary -> !placed.contains(summary.id())).forEach(ordered::add);
        return ordered;
    }

    private static void placeWithFollowers(ProgrammeSummary summary, Map<String, List<ProgrammeSummary>> followers,
                                           List<ProgrammeSummary> ordered, java.util.Set<String> placed) {
        if (!placed.add(summary.id())) {
            return;
        }
        ordered.add(summary);
        for (ProgrammeSummary follower : followers.getOrDefault(summary.id(), List.of())) {
            placeWithFollowers(follower, followers, ordered, placed);
        }
    }
}
