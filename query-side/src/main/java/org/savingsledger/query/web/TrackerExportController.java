package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.query.tracker.TrackerWorkbook;
import org.savingsledger.shared.FinancialYear;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Savings trackers as workbooks, in the layout the spreadsheet import reads (docs/import.md): a
 * programme's or an organisation's savings as at any instant and effective on any date, and the blank
 * template. An exported tracker imports back with no mapping and changes nothing.
 */
@RestController
@Tag(name = "Trackers", description = "Savings trackers as .xlsx workbooks in the import template's layout.")
class TrackerExportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    TrackerExportController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping(path = "/api/programmes/{id}.xlsx", produces = XLSX)
    @Operation(summary = "The programme's savings as a tracker workbook (the import template's layout, amounts in £), as at "
            + "asAt and effective on effectiveOn; its As at is effectiveOn.")
    ResponseEntity<byte[]> programme(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                                     @RequestParam(required = false) String effectiveOn,
                                     @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        Instant instant = QueryParameters.asAt(asAt, clock);
        LocalDate date = QueryParameters.effectiveOn(effectiveOn, clock);
        String programmeId = QueryParameters.id(id);
        ProgrammeSummary programme = queries.programmes().programme(programmeId, instant, date)
                .orElseThrow(() -> QueryParameters.NotFound.of("programme", id, queries.firstRecorded(StreamKind.PROGRAMME, programmeId)));
        List<SavingView> savings = queries.programmes().savingsOf(programmeId, instant, date).orElse(List.of());
        return workbook(programmeId, TrackerWorkbook.of(savings, programme.firstYear(), programme.lastYear(), date,
                exported(instant, date)), date);
    }

    @GetMapping(path = "/api/organisations/{id}.xlsx", produces = XLSX)
    @Operation(summary = "Every programme's savings of the organisation as one tracker workbook, programme by programme "
            + "(ordered by id), with a column per year from the earliest programme's first year to the latest's last.")
    ResponseEntity<byte[]> organisation(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                                        @RequestParam(required = false) String effectiveOn,
                                        @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        String organisation = OrganisationParameter.of(id, queries);
        Instant instant = QueryParameters.asAt(asAt, clock);
        LocalDate date = QueryParameters.effectiveOn(effectiveOn, clock);
        List<ProgrammeSummary> programmes = queries.programmes().programmes(organisation, instant, date);
        List<SavingView> savings = new ArrayList<>();
        programmes.forEach(p -> savings.addAll(queries.programmes().savingsOf(p.id(), instant, date).orElse(List.of())));
        FinancialYear first = programmes.stream().map(ProgrammeSummary::firstYear).min(Comparator.naturalOrder()).orElse(null);
        FinancialYear last = programmes.stream().map(ProgrammeSummary::lastYear).max(Comparator.naturalOrder()).orElse(null);
        return workbook(organisation, TrackerWorkbook.of(savings, first, last, date, exported(instant, date)), date);
    }

    @GetMapping(path = "/api/imports/template.xlsx", produces = XLSX)
    @Operation(summary = "A blank tracker in the import template's layout, with year columns from this financial year for "
            + "four years: fill in the As at date, the unit and one row per saving (docs/import.md).")
    ResponseEntity<byte[]> template() {
        FinancialYear thisYear = FinancialYear.containing(LocalDate.ofInstant(clock.instant(), CouncilTime.LONDON));
        byte[] blank = TrackerWorkbook.of(List.of(), thisYear, FinancialYear.of(thisYear.startYear() + 3), null,
                "a blank template: write the As at date in B1, the unit (£, £'000 or £m) in B2, then one row per saving");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX)).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("savings-tracker-template.xlsx").build().toString()).body(blank);
    }

    private static String exported(Instant asAt, LocalDate effectiveOn) {
        return "from Savings Ledger, as the ledger knew it at " + asAt + ", effective on " + effectiveOn;
    }

    private static ResponseEntity<byte[]> workbook(String name, byte[] workbook, LocalDate effectiveOn) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX)).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name + "-tracker-" + effectiveOn + ".xlsx").build().toString())
                .body(workbook);
    }
}
