package org.savingsledger.query.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.shared.Total;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme: per year planned, delivered, slipped in and out and undelivered (a chart and its table); totals; its
 * money by stage, confidence, RAG, workstream and funding source; its savings' profiles.
 */
@Controller
@Hidden
class ProgrammePage {

    /** A saving's line: its planned money in each of the programme's years, in the order of the programme's table. */
    record SavingRow(String id, String title, String stage, String confidence, String rag, boolean withdrawn,
                     List<Total> perYear, Total total) {
    }

    private final SignedInQueries queries;
    private final Clock clock;

    ProgrammePage(SignedInQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/ui/programmes/{id}")
    String programme(@PathVariable String id, @RequestParam(required = false) String asAt,
                     @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!LedgerIds.isValid(id)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/ui/programmes/" + id, clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        LocalDate effective = at.effectiveDate(clock);
        ProgrammeQueries.ProgrammeAndSavings found = queries.programmes().programmeAndSavings(id, instant, effective)
                .orElseThrow(PageNotFound::new);
        ProgrammeSummary summary = found.summary();
        List<SavingView> savings = found.savings();
        List<FinancialYear> years = summary.years().stream().map(YearLine::year).toList();
        model.addAttribute("programme", summary);
        model.addAttribute("savings", savings.stream().map(saving -> row(saving, years)).toList());
        model.addAttribute("breakdowns", ProgrammeBreakdowns.of(summary, savings));
        return "programme";
    }

    private static SavingRow row(SavingView saving, List<FinancialYear> years) {
        List<Total> perYear = years.stream().map(year -> saving.profile().getOrDefault(year, Total.ZERO)).toList();
        Total total = perYear.stream().reduce(Total.ZERO, Total::plus);
        return new SavingRow(saving.id(), saving.title(), saving.stage(), saving.confidence(), saving.rag(),
                saving.withdrawn(), perYear, total);
    }
}
