package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearPosition;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.query.history.StreamKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@Tag(name = "Programme queries", description = "Programme summaries and per-year positions, as at any instant (asAt) "
        + "and effective on any date (effectiveOn). A withdrawn saving counts 0 in planned totals.")
class ProgrammeQueryController {

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ProgrammeQueryController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping(path = "/api/programmes", produces = "application/json")
    @Operation(summary = "Programme summaries of an organisation (of all without one), ordered by id. An organisation "
            + "the caller may not see, or that is not registered, is a 404.")
    List<ProgrammeSummary> programmes(@RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String asAt,
                                      @RequestParam(required = false) String effectiveOn,
                                      @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.programmes().programmes(OrganisationParameter.of(organisation, queries),
                QueryParameters.asAt(asAt, clock),
                QueryParameters.effectiveOn(effectiveOn, clock));
    }

    @GetMapping(path = "/api/programmes/{id}", produces = "application/json")
    @Operation(summary = "A programme summary: per year planned, delivered, slipped in and out, cumulative; totals and gap "
            + "to target; planned money by confidence, stage and RAG; budget approved and cost drawn down; budget "
            + "pending a decision, and all three per funding source (bySource); the programme it follows, its directorate.")
    ProgrammeSummary programme(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                               @RequestParam(required = false) String effectiveOn,
                               @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.programmes().programme(QueryParameters.id(id), QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("programme", id,
                        queries.firstRecorded(StreamKind.PROGRAMME, QueryParameters.id(id))));
    }

    @GetMapping(path = "/api/programmes/{id}/savings", produces = "application/json")
    @Operation(summary = "The programme's savings, in the order they were proposed.")
    List<SavingView> savings(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                             @RequestParam(required = false) String effectiveOn,
                             @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.programmes().savingsOf(QueryParameters.id(id), QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("programme", id,
                        queries.firstRecorded(StreamKind.PROGRAMME, QueryParameters.id(id))));
    }

    @GetMapping(path = "/api/years/{year}", produces = "application/json")
    @Operation(summary = "One financial year (2018-19 or 2018/19) across the programmes of an organisation (of all without "
            + "one). An organisation the caller may not see, or that is not registered, is a 404.")
    YearPosition year(@PathVariable("year") String year, @RequestParam(required = false) String organisation,
                      @RequestParam(required = false) String asAt, @RequestParam(required = false) String effectiveOn,
                      @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.programmes().year(QueryParameters.year(year), OrganisationParameter.of(organisation, queries),
                QueryParameters.asAt(asAt, clock), QueryParameters.effectiveOn(effectiveOn, clock));
    }
}
