package org.savingsledger.query.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.committee.ChangeSince;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.CommitteeView;
import org.savingsledger.query.committee.ProgrammeChange;
import org.savingsledger.query.committee.ReportChanges;
import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.committee.ReportView;
import org.savingsledger.query.committee.pack.CommitteePackWorkbook;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.saving.SavingQueries;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.query.web.QueryParameters;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.shared.LedgerIds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report exactly as presented (its figures frozen at the presentation) with what changed since beside it: per
 * programme and year the difference between then and now (or the moment asked), and every change the report does
 * not count, with who, when, why and on whose authority. Its committee pack is served here too, under the pages'
 * path, so a signed-in visitor downloads it with the session the page was opened with.
 */
@Controller
@Hidden
class ReportPage {

    /** A programme of the report: its figures as presented beside how each year moved since. */
    record ProgrammeRows(ProgrammeSummary asPresented, ProgrammeChange since) {
    }

    /** A change the report does not count, with the programme and saving it changed named, and its times in words. */
    record Change(ChangeSince change, String programme, String saving, String what, String recorded,
                  String effective) {
    }

    private final SignedInQueries queries;
    private final Clock clock;

    ReportPage(SignedInQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/ui/committees/{id}/reports/{reportId}")
    String report(@PathVariable String id, @PathVariable String reportId, @RequestParam(required = false) String asAt,
                  @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!LedgerIds.isValid(id) || !LedgerIds.isValid(reportId)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        String path = "/ui/committees/" + id + "/reports/" + reportId;
        if (!PageMoment.show(at, path, clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        LocalDate effective = at.effectiveDate(clock);
        CommitteeQueries committees = queries.committees();
        CommitteeView committee = committees.committee(id, instant, effective).orElseThrow(PageNotFound::new);
        ReportView report = committees.report(id, reportId, instant).orElseThrow(PageNotFound::new);
        ReportChanges since = committees.changesSince(id, reportId, instant, effective).orElseThrow(PageNotFound::new);
        Map<String, String> programmeNames = new HashMap<>();
        report.programmes().forEach(programme -> programmeNames.put(programme.id(), programme.name()));
        model.addAttribute("committee", committee);
        model.addAttribute("report", report);
        model.addAttribute("meeting", CommitteePages.DAY.format(report.meetingDate()));
        model.addAttribute("presented", CommitteePages.WHEN.format(report.presentedAt().atZone(CouncilTime.LONDON)));
        model.addAttribute("figuresEffectiveOn", CommitteePages.DAY.format(report.figuresEffectiveOn()));
        model.addAttribute("programmes", report.programmes().stream().map(programme -> new ProgrammeRows(programme,
                since.programmes().stream().filter(change -> change.programmeId().equals(programme.id()))
                        .findFirst().orElse(null))).toList());
        model.addAttribute("changes", changes(since.history(), programmeNames, instant, effective));
        model.addAttribute("pack", at.link(path + ".xlsx"));
        return "report";
    }

    /**
     * The report's committee pack, the workbook {@code GET /api/committees/{id}/reports/{reportId}.xlsx} answers
     * (frozen: the same bytes every time), for the same users and organisations.
     */
    @GetMapping("/ui/committees/{id}/reports/{reportId}.xlsx")
    ResponseEntity<byte[]> pack(@PathVariable String id, @PathVariable String reportId,
                                @RequestParam(required = false) String asAt,
                                @RequestParam(required = false) String effectiveOn) {
        if (!LedgerIds.isValid(id) || !LedgerIds.isValid(reportId)) {
            throw new PageNotFound();
        }
        QueryParameters.effectiveOn(effectiveOn, clock);
        ReportPack pack = queries.reportPacks().pack(id, reportId, QueryParameters.asAt(asAt, clock))
                .orElseThrow(PageNotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CommitteePackWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(id + "-" + reportId + ".xlsx").build().toString())
                .body(CommitteePackWorkbook.write(pack));
    }

    private List<Change> changes(List<ChangeSince> history, Map<String, String> programmeNames, Instant instant,
                                 LocalDate effective) {
        SavingQueries savings = queries.savings();
        Map<String, String> savingTitles = new HashMap<>();
        return history.stream().map(change -> {
            String saving = change.savingId() == null ? null : savingTitles.computeIfAbsent(change.savingId(),
                    savingId -> savings.saving(savingId, instant, effective).map(SavingView::title).orElse(savingId));
            return new Change(change, programmeNames.getOrDefault(change.programmeId(), change.programmeId()), saving,
                    words(change.entry().type()),
                    CommitteePages.WHEN.format(change.entry().recordedAt().atZone(CouncilTime.LONDON)),
                    CommitteePages.DAY.format(change.entry().effectiveDate()));
        }).toList();
    }

    /** {@code SavingSlippedToYear} as people say it: "Saving slipped to year". */
    private static String words(String type) {
        String spaced = type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
