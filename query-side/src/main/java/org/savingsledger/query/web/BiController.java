package org.savingsledger.query.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.bi.ExtractFormat;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.query.view.LedgerViews;
import org.savingsledger.query.view.LedgerViewsSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The BI feeds: {@code /api/bi/{dataset}.csv} and {@code .jsonl}, streamed from the read models as
 * rows are built (docs/bi-datasets.md lists every dataset and column).
 */
@RestController
@Tag(name = "BI feeds", description = "Streamed datasets for Power BI, Tableau and Excel: programmes, savings, saving_years, "
        + "changes, committee_reports, as CSV (RFC 4180) or JSON Lines. Columns are stable and documented.")
class BiController {

    private final LedgerViewsSource views;
    private final ReadModelProgress progress;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final MeterRegistry meterRegistry;

    BiController(LedgerViewsSource views, ReadModelProgress progress, ReadYourWrites readYourWrites, Clock clock,
                 MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        this.views = views;
        this.progress = progress;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** One extract as asked: which dataset, in which format, covering what. */
    private record Extract(Dataset dataset, ExtractFormat format, BiQuery query) {
    }

    /**
     * Streams a dataset. The {@code ETag} fingerprints the request and the read models' position: the
     * same ETag means the same bytes, so a refresh sending {@code If-None-Match} gets a 304 when nothing
     * was recorded since. (It may also change when only another council's figures changed.)
     */
    @GetMapping("/api/bi/{file}")
    @Operation(summary = "A BI dataset as CSV or JSON Lines, e.g. /api/bi/saving_years.csv?organisation=nottinghamshire")
    public void extract(@PathVariable("file") String file, @RequestParam(required = false) String asAt,
                        @RequestParam(required = false) String effectiveOn,
                        @RequestParam(required = false) String organisation,
                        @RequestParam(name = "programme", required = false) String programme,
                        @RequestParam(required = false) String consistencyToken,
                        @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        Dataset dataset = Dataset.named(dot < 0 ? file : file.substring(0, dot))
                .orElseThrow(() -> new QueryParameters.NotFound("no dataset '" + file + "'; see docs/bi-datasets.md"));
        ExtractFormat format = ExtractFormat.withExtension(dot < 0 ? "" : file.substring(dot + 1))
                .orElseThrow(() -> new QueryParameters.NotFound("no format for '" + file + "': use .csv or .jsonl"));
        readYourWrites.await(consistencyToken);
        Extract extract = new Extract(dataset, format, new BiQuery(QueryParameters.asAt(asAt, clock),
                QueryParameters.effectiveOn(effectiveOn, clock), blankToNull(organisation),
                programmeFilter(programme)));
        String etag = "\"" + fingerprint(extract, asAt) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (etag.equals(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(extract.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"" + extract.dataset().fileName() + "." + extract.format().extension() + "\"");
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            // HEAD runs this GET handler: answer the GET's headers (the ETag tells a client whether to fetch again)
            // without building the extract, whose bytes would only be thrown away; and no Content-Length, as the
            // length is known only once the last row is written
            return;
        }
        // The bytes' own SHA-256 follows them as an HTTP trailer (RFC 9530 Repr-Digest) for clients that
        // read trailers: it can only be known once the last row is written.
        MessageDigest digest = sha256();
        OutputStream out = new DigestOutputStream(response.getOutputStream(), digest);
        offerDigestTrailer(response, digest);
        Counter rows = Counter.builder("ledger.bi.rows").description("Rows streamed by the BI feeds")
                .tag("dataset", extract.dataset().fileName()).tag("format", extract.format().extension())
                .register(meterRegistry);
        try (ExtractFormat.RowWriter writer = extract.format().open(extract.dataset().columns(), out)) {
            extract.dataset().write(views.current(), extract.query(), values -> {
                writer.row(values);
                rows.increment();
            });
        }
    }

    private static void offerDigestTrailer(HttpServletResponse response, MessageDigest digest) {
        try {
            response.setTrailerFields(() -> Map.of("Repr-Digest",
                    "sha-256=:" + Base64.getEncoder().encodeToString(digest.digest()) + ":"));
        } catch (IllegalStateException trailersNotSupported) {
            // an HTTP/1.0 client, say: the ETag is all it gets
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String programmeFilter(String programme) {
        String id = blankToNull(programme);
        if (id != null && !org.savingsledger.shared.LedgerIds.isValid(id)) {
            throw new QueryParameters.InvalidQuery("programme", "must be a programme id, was '" + programme + "'");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String fingerprint(Extract extract, String asAtParameter) {
        String input = String.join("|", extract.dataset().fileName(), extract.format().extension(),
                String.valueOf(extract.query().organisation()), String.valueOf(extract.query().programmeId()),
                asAtParameter == null ? "now" : extract.query().asAt().toString(),
                extract.query().effectiveOn().toString(), progress.position());
        return HexFormat.of().formatHex(sha256().digest(input.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
