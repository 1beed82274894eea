package org.savingsledger.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.history.FrozenReports;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.CommitteeView;
import org.savingsledger.query.committee.ReportChanges;
import org.savingsledger.query.committee.ReportView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.savingsledger.query.history.StreamKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

@RestController
@RequestMapping(path = "/api/committees/{id}", produces = "application/json")
@Tag(name = "Committee queries", description = "Committees, the programmes they oversee, and position reports frozen as presented.")
class CommitteeQueryController {

    private final SignedInQueries queries;
    private final FrozenReports frozenReports;
    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;
    private final Clock clock;

    CommitteeQueryController(SignedInQueries queries, FrozenReports frozenReports, ReadYourWrites readYourWrites, ObjectMapper json,
                             Clock clock) {
        this.queries = queries;
        this.frozenReports = frozenReports;
        this.readYourWrites = readYourWrites;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A committee: the programmes it oversees and the reports presented to it.")
    CommitteeView committee(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                            @RequestParam(required = false) String effectiveOn,
                            @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.committees().committee(QueryParameters.id(id), QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("committee", id,
                        queries.firstRecorded(StreamKind.COMMITTEE, QueryParameters.id(id))));
    }

    /**
     * The figures exactly as presented, as the ledger knew them at the report's {@code presentedAt}
     * (changes effective by its {@code figuresEffectiveOn}): the same bytes every time. {@code asAt} before the report
     * was presented answers 404; {@code effectiveOn} does not apply to a frozen report. It is accepted,
     * as on every query of the contract, and checked like everywhere else, but changes nothing.
     */
    @GetMapping("/reports/{reportId}")
    @Operation(summary = "A position report's figures exactly as presented, frozen: identical bytes every time.")
    ResponseEntity<byte[]> report(@PathVariable("id") String id, @PathVariable("reportId") String reportId,
                                  @RequestParam(required = false) String asAt,
                                  @RequestParam(required = false) String effectiveOn,
                                  @RequestParam(required = false) String consistencyToken) {
        QueryParameters.effectiveOn(effectiveOn, clock);
        readYourWrites.await(consistencyToken);
        String committeeId = QueryParameters.id(id);
        String report = QueryParameters.id(reportId);
        CommitteeQueries committees = queries.committees();
        if (!committees.showsCommittee(committeeId)) {
            throw new QueryParameters.NotFound("no report '" + report + "' of committee '" + committeeId + "'");
        }
        // bytes are kept once a report was served: then, asked as at now, there is nothing to compute
        String bytes = (asAt == null ? frozenReports.bytes(committeeId, report) : java.util.Optional.<String>empty())
                .orElseGet(() -> frozen(committees, committeeId, report, QueryParameters.asAt(asAt, clock)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.getBytes(StandardCharsets.UTF_8));
    }

    /** The report's kept bytes, or its figures computed and kept; 404 when it did not exist as at {@code asAt}. */
    private String frozen(CommitteeQueries committees, String committeeId, String report, java.time.Instant asAt) {
        ReportView view = committees.report(committeeId, report, asAt).orElseThrow(() -> QueryParameters.NotFound.of(
                "report", report + "' of committee '" + committeeId, committees.presented(committeeId, report)));
        return frozenReports.bytes(committeeId, report).orElseGet(() -> {
            try {
                return frozenReports.freeze(committeeId, report, json.writeValueAsString(view));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("report " + report + " cannot be written as JSON", e);
            }
        });
    }

    @GetMapping("/reports/{reportId}/changes")
    @Operation(summary = "What changed since the report: per programme and year planned and delivered then, now and the "
            + "difference, and every change its figures do not count (recorded after it was presented, or effective "
            + "after its figuresEffectiveOn).")
    ReportChanges changes(@PathVariable("id") String id, @PathVariable("reportId") String reportId,
                          @RequestParam(required = false) String asAt, @RequestParam(required = false) String effectiveOn,
                          @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        CommitteeQueries committees = queries.committees();
        return committees.changesSince(QueryParameters.id(id), QueryParameters.id(reportId), QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("report", reportId + "' of committee '" + id,
                        committees.presented(QueryParameters.id(id), QueryParameters.id(reportId))));
    }
}
