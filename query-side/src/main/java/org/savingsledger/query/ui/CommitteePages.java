package org.savingsledger.query.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.committee.CommitteeView;
import org.savingsledger.query.committee.ReportRef;
import org.savingsledger.query.organisation.OrganisationRef;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.shared.OrganisationId;
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
import java.util.Optional;

/** An organisation's committees, and a committee: the programmes it oversees and the reports presented to it. */
@Controller
@Hidden
class CommitteePages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A programme the committee oversees, by name when it exists as asked (else by its id). */
    record ProgrammeRow(String id, String name) {
    }

    /** A report as the committee lists it: its meeting, title and when it was presented, in words. */
    record ReportRow(String id, String title, String meeting, String presented, String figuresEffectiveOn) {

        static ReportRow of(ReportRef report) {
            return new ReportRow(report.id(), report.title() == null ? report.id() : report.title(), DAY.format(report.meetingDate()),
                    WHEN.format(report.presentedAt().atZone(CouncilTime.LONDON)), DAY.format(report.figuresEffectiveOn()));
        }
    }

    private final SignedInQueries queries;
    private final Clock clock;

    CommitteePages(SignedInQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/ui/organisations/{id}/committees")
    String committees(@PathVariable String id, @RequestParam(required = false) String asAt,
                      @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!OrganisationId.isValid(id)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/ui/organisations/" + id + "/committees", clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        model.addAttribute("organisation", organisation(id, instant).orElseThrow(PageNotFound::new));
        model.addAttribute("committees", queries.committees().committeesOf(id, instant, at.effectiveDate(clock)));
        return "committees";
    }

    @GetMapping("/ui/committees/{id}")
    String committee(@PathVariable String id, @RequestParam(required = false) String asAt,
                     @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!LedgerIds.isValid(id)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/ui/committees/" + id, clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        LocalDate effective = at.effectiveDate(clock);
        CommitteeView committee = queries.committees().committee(id, instant, effective).orElseThrow(PageNotFound::new);
        ProgrammeQueries programmes = queries.programmes();
        model.addAttribute("committee", committee);
        model.addAttribute("programmes", committee.programmes().stream().map(programme -> new ProgrammeRow(programme,
                programmes.programme(programme, instant, effective).map(ProgrammeSummary::name).orElse(programme)))
                .toList());
        model.addAttribute("reports", committee.reports().stream().map(ReportRow::of).toList());
        model.addAttribute("organisation", organisation(committee.organisation(), instant).orElse(null));
        return "committee";
    }

    private Optional<OrganisationRef> organisation(String id, Instant instant) {
        return queries.organisations().organisations(instant).stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
