package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.query.history.StreamKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping(path = "/api/savings/{id}", produces = "application/json")
@Tag(name = "Saving queries", description = "A saving and its history, as at any instant (asAt) and effective on any date (effectiveOn).")
class SavingQueryController {

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    SavingQueryController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A saving: planned profile and deliveries per year, stage, confidence, RAG, withdrawn, version.")
    SavingView saving(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                      @RequestParam(required = false) String effectiveOn,
                      @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.savings().saving(QueryParameters.id(id), QueryParameters.asAt(asAt, clock), QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("saving", id,
                        queries.firstRecorded(StreamKind.SAVING, QueryParameters.id(id))));
    }

    @GetMapping("/history")
    @Operation(summary = "Every change of the saving, oldest first, with the money it moved (before and after, in recording "
            + "order), who made it, why, on whose authority, when it was recorded and when it takes effect.")
    List<HistoryEntry> history(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                               @RequestParam(required = false) String effectiveOn,
                               @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.savings().history(QueryParameters.id(id), QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("saving", id,
                        queries.firstRecorded(StreamKind.SAVING, QueryParameters.id(id))));
    }
}
