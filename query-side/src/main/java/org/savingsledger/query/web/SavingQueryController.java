package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.saving.SavingQueries;
import org.savingsledger.query.saving.SavingView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.savingsledger.query.history.StreamKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/api/savings/{id}", produces = "application/json")
@Tag(name = "Saving queries", description = "A saving and its history, as at any instant (asAt) and effective on any date (effectiveOn).")
class SavingQueryController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

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
            + "order), who made it, why, on whose authority, when it was recorded and when it takes effect.",
            description = "With limit or after, one page: at most limit entries (1 to " + MAX_LIMIT + ", default "
                    + DEFAULT_LIMIT + ") whose version is after after (omit it for the first page). When more follow, "
                    + "the Link header's rel=\"next\" is the next page's path, with asAt and effectiveOn pinned to the "
                    + "first page's, so the pages read one moment however long the paging takes.")
    ResponseEntity<List<HistoryEntry>> history(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                                               @RequestParam(required = false) String effectiveOn,
                                               @RequestParam(required = false) String consistencyToken,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String after) {
        readYourWrites.await(consistencyToken);
        String saving = QueryParameters.id(id);
        Instant instant = QueryParameters.asAt(asAt, clock);
        LocalDate effective = QueryParameters.effectiveOn(effectiveOn, clock);
        if (QueryParameters.optional(limit) == null && QueryParameters.optional(after) == null) {
            return ResponseEntity.ok(queries.savings().history(saving, instant, effective)
                    .orElseThrow(() -> notFound(saving)));
        }
        int size = limit(limit);
        long from = after(after);
        SavingQueries.HistoryPage page = queries.savings().history(saving, instant, effective, from, size)
                .orElseThrow(() -> notFound(saving));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.more()) {
            String next = UriComponentsBuilder.fromPath("/api/savings/{id}/history")
                    .queryParam("asAt", instant).queryParam("effectiveOn", effective).queryParam("limit", size)
                    .queryParam("after", page.entries().get(page.entries().size() - 1).version())
                    .buildAndExpand(saving).encode().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page.entries());
    }

    private QueryParameters.NotFound notFound(String saving) {
        return QueryParameters.NotFound.of("saving", saving, queries.firstRecorded(StreamKind.SAVING, saving));
    }

    private static int limit(String value) {
        String given = QueryParameters.optional(value);
        if (given == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new QueryParameters.InvalidQuery("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + value + "'");
    }

    private static long after(String value) {
        String given = QueryParameters.optional(value);
        if (given == null) {
            return -1;
        }
        try {
            long after = Long.parseLong(given);
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new QueryParameters.InvalidQuery("after", "must be the version of a history entry (a whole number, 0 or more), was '"
                + value + "'");
    }
}
