package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.committee.ReportPacks;
import org.savingsledger.query.committee.pack.CommitteePackWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * A position report as a workbook a clerk attaches to committee papers. It answers exactly when the
 * JSON report does — the same organisations, the same 404 (with {@code firstRecordedAt} for an
 * {@code asAt} before the presentation) — and, like it, is frozen: the same report gives the same bytes.
 */
@RestController
@Tag(name = "Committee queries")
class CommitteePackController {

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    CommitteePackController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** {@code effectiveOn} is accepted and checked as on the JSON report, and changes nothing. */
    @GetMapping("/api/committees/{id}/reports/{reportId}.xlsx")
    @Operation(summary = "A position report as a committee pack (.xlsx): a summary, a sheet per programme with its "
            + "years and savings as presented, and the changes recorded since the committee's previous report with "
            + "who, why and the decision. Frozen: identical bytes every time. See docs/committee-pack.md.",
            responses = @ApiResponse(responseCode = "200", description = "the workbook, as an attachment",
                    content = @Content(mediaType = CommitteePackWorkbook.CONTENT_TYPE,
                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pack(@PathVariable("id") String id, @PathVariable("reportId") String reportId,
                                @RequestParam(required = false) String asAt,
                                @RequestParam(required = false) String effectiveOn,
                                @RequestParam(required = false) String consistencyToken) {
        QueryParameters.effectiveOn(effectiveOn, clock);
        readYourWrites.await(consistencyToken);
        String committeeId = QueryParameters.id(id);
        String report = QueryParameters.id(reportId);
        ReportPacks packs = queries.reportPacks();
        CommitteeQueries committees = packs.committees();
        if (!committees.showsCommittee(committeeId)) {
            throw new QueryParameters.NotFound("no report '" + report + "' of committee '" + committeeId + "'");
        }
        ReportPack pack = packs.pack(committeeId, report, QueryParameters.asAt(asAt, clock))
                .orElseThrow(() -> QueryParameters.NotFound.of("report", report + "' of committee '" + committeeId,
                        committees.presented(committeeId, report)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CommitteePackWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(committeeId + "-" + report + ".xlsx").build().toString())
                .body(CommitteePackWorkbook.write(pack));
    }
}
