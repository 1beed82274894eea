package org.savingsledger.query.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.reading.HistoryEntry;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A saving: its figures by year, and its history as a timeline — every change with who made it, when it
 * was recorded and when it took effect, why, on whose authority, and each figure before and after. A
 * change recorded after the day it took effect is marked as recorded late, so an auditor sees at once
 * what was keyed in after the event.
 */
@Controller
@Hidden
class SavingPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One year of the saving: planned (its own profile), delivered, and what is still to deliver. */
    record YearRow(FinancialYear year, Total planned, Total delivered, Total undelivered) {
    }

    /** One change on the timeline, with its times in words and whether it was recorded after it took effect. */
    record Change(HistoryEntry entry, String what, String recorded, String effective, boolean recordedLate) {
    }

    private final SignedInQueries queries;
    private final Clock clock;

    SavingPage(SignedInQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/ui/savings/{id}")
    String saving(@PathVariable String id, @RequestParam(required = false) String asAt,
                  @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!LedgerIds.isValid(id)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/ui/savings/" + id, clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        LocalDate effective = at.effectiveDate(clock);
        SavingView saving = queries.savings().saving(id, instant, effective).orElseThrow(PageNotFound::new);
        List<HistoryEntry> history = queries.savings().history(id, instant, effective).orElseThrow(PageNotFound::new);
        model.addAttribute("saving", saving);
        // whose saving it is, for the forms the user may open on it
        model.addAttribute("organisation", queries.programmes().organisationOf(saving.programmeId(), instant, effective)
                .orElse(null));
        model.addAttribute("years", years(saving));
        model.addAttribute("changes", history.stream().map(SavingPage::change).toList());
        return "saving";
    }

    private static List<YearRow> years(SavingView saving) {
        TreeSet<FinancialYear> years = new TreeSet<>(saving.profile().keySet());
        years.addAll(saving.delivered().keySet());
        return years.stream().map(year -> {
            Total planned = saving.profile().getOrDefault(year, Total.ZERO);
            Total delivered = saving.delivered().getOrDefault(year, Total.ZERO);
            return new YearRow(year, planned, delivered, planned.minus(delivered));
        }).toList();
    }

    private static Change change(HistoryEntry entry) {
        LocalDate recordedOn = LocalDate.ofInstant(entry.recordedAt(), CouncilTime.LONDON);
        return new Change(entry, words(entry.type()), WHEN.format(entry.recordedAt().atZone(CouncilTime.LONDON)),
                DAY.format(entry.effectiveDate()), recordedOn.isAfter(entry.effectiveDate()));
    }

    /** {@code SavingSlippedToYear} as people say it: "Saving slipped to year". */
    private static String words(String type) {
        String spaced = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
