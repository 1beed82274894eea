package org.savingsledger.query.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.bi.Extraction;
import org.savingsledger.query.bi.ExtractFormat;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The BI feeds: {@code /api/bi/{dataset}.csv} and {@code .jsonl}, streamed from the read models as
 * rows are built (docs/bi-datasets.md lists every dataset and column).
 */
@RestController
@Tag(name = "BI feeds", description = "Streamed datasets for Power BI, Tableau and Excel: programmes, savings, saving_years, "
        + "changes, deliveries, slips, committee_reports, workstreams, funding, as CSV (RFC 4180) or JSON Lines. Columns are stable "
        + "and documented.")
class BiController {

    private static final Logger log = LoggerFactory.getLogger(BiController.class);

    private final SignedInQueries queries;
    private final ReadModelProgress progress;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final MeterRegistry meterRegistry;

    BiController(SignedInQueries queries, ReadModelProgress progress, ReadYourWrites readYourWrites, Clock clock,
                 MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
        this.queries = queries;
        this.progress = progress;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** The header that tells a client an extract as at an instant leaves out programmes recorded after it. */
    static final String NOT_YET_RECORDED = "Ledger-Not-Yet-Recorded";

    /**
     * One extract as asked: which dataset, in which format, covering what, for Excel or not, and what
     * of its selection the ledger had not yet recorded at its {@code asAt} (null: nothing left out).
     */
    private record Extract(Dataset dataset, ExtractFormat format, boolean byteOrderMark, BiQuery query,
                           Extraction.NotYetRecorded notYetRecorded) {

        String fileName() {
            return dataset.fileName() + "." + format.extension();
        }
    }

    /**
     * Streams a dataset. The {@code ETag} fingerprints the request and the read models' position: the
     * same ETag means the same bytes, so a refresh sending {@code If-None-Match} gets a 304 when nothing
     * was recorded since. (It may also change when only another council's figures changed.)
     *
     * <p>A failure before the first byte is answered as a problem, like any other; a failure after it
     * aborts the connection without ending the body, so the client sees a failed transfer, never a
     * short file that looks complete.
     */
    @GetMapping("/api/bi/{file}")
    @Operation(summary = "A BI dataset as CSV or JSON Lines, e.g. /api/bi/saving_years.csv?organisation=nottinghamshire")
    public void extract(@PathVariable("file") String file, @RequestParam(required = false) String asAt,
                        @RequestParam(required = false) String effectiveOn,
                        @RequestParam(required = false) String organisation,
                        @RequestParam(name = "programme", required = false) String programme,
                        @RequestParam(required = false) String consistencyToken,
                        @Parameter(description = "true: the CSV starts with a UTF-8 byte-order mark, so Excel opening it "
                                + "directly reads it as UTF-8 (without one it reads Windows-1252: £ becomes Â£). "
                                + "Default false; CSV only.", schema = @Schema(allowableValues = {"true", "false"}))
                        @RequestParam(name = "bom", required = false) String bom,
                        @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        Dataset dataset = Dataset.named(dot < 0 ? file : file.substring(0, dot))
                .orElseThrow(() -> new QueryParameters.NotFound("no dataset '" + file + "'; see docs/bi-datasets.md"));
        ExtractFormat format = ExtractFormat.withExtension(dot < 0 ? "" : file.substring(dot + 1))
                .orElseThrow(() -> new QueryParameters.NotFound("no format for '" + file + "': use .csv or .jsonl"));
        boolean byteOrderMark = byteOrderMark(bom, format);
        readYourWrites.await(consistencyToken);
        BiQuery query = new BiQuery(QueryParameters.asAt(asAt, clock), QueryParameters.effectiveOn(effectiveOn, clock),
                OrganisationParameter.of(organisation, queries), programmeFilter(programme));
        Extract extract = new Extract(dataset, format, byteOrderMark, query, asAt == null ? null
                : queries.extraction().notYetRecorded(query.organisation(), query.programmeId(), query.asAt()).orElse(null));
        String etag = "\"" + fingerprint(extract, asAt) + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (etag.equals(ifNoneMatch)) {
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (HttpMethod.HEAD.matches(request.getMethod())) {
            // HEAD runs this GET handler: answer the GET's headers (the ETag tells a client whether to fetch again)
            // without building the extract, whose bytes would only be thrown away; and no Content-Length, as the
            // length is known only once the last row is written
            fileHeaders(response, extract, etag);
            return;
        }
        // The bytes' own SHA-256 follows them as an HTTP trailer (RFC 9530 Repr-Digest) for clients that
        // read trailers: it can only be known once the last row is written. Computed only for such a client:
        // for any other it was a tenth of an extract's CPU, thrown away.
        boolean trailers = DigestTrailer.accepted(request);
        MessageDigest digest = trailers ? DigestTrailer.sha256() : null;
        FileBody body = new FileBody(response.getOutputStream(), () -> {
            fileHeaders(response, extract, etag);
            if (trailers) {
                DigestTrailer.offer(response, digest);
            }
        });
        Counter rows = Counter.builder("ledger.bi.rows").description("Rows streamed by the BI feeds")
                .tag("dataset", extract.dataset().fileName()).tag("format", extract.format().extension())
                .register(meterRegistry);
        long[] written = {0};
        try {
            ExtractFormat.RowWriter writer = extract.format().open(extract.dataset().columns(),
                    trailers ? new DigestOutputStream(body, digest) : body, extract.byteOrderMark());
            extract.dataset().write(queries.extraction(), extract.query(), values -> {
                writer.row(values);
                rows.increment();
                written[0]++;
            });
            // only now: closing flushes what the writer holds, and a failed extract must not send it
            writer.close();
            body.begin();
        } catch (RuntimeException | IOException failure) {
            if (!response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                // nothing sent yet: the error handlers answer with a problem; or nobody is listening
                throw failure;
            }
            Counter.builder("ledger.bi.aborted").description("BI extracts aborted after their first bytes were sent")
                    .tag("dataset", extract.dataset().fileName()).tag("format", extract.format().extension())
                    .register(meterRegistry).increment();
            // the logging context carries the request's correlation id (where the correlation filter runs)
            log.error("BI extract {} failed after {} rows, its first bytes already sent: the connection is aborted so "
                    + "the client sees a failed transfer, not a short file", extract.fileName(), written[0], failure);
            throw new ExtractAborted(extract.fileName());
        }
    }

    /** The headers of an extract's file, set only once it is known to succeed (or for HEAD). */
    private static void fileHeaders(HttpServletResponse response, Extract extract, String etag) {
        response.setContentType(extract.format().contentType());
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(extract.fileName()).build().toString());
        if (extract.notYetRecorded() != null) {
            Extraction.NotYetRecorded later = extract.notYetRecorded();
            response.setHeader(NOT_YET_RECORDED, later.programmes() + (later.programmes() == 1 ? " programme" : " programmes")
                    + " of this selection first recorded after asAt, the first at " + later.firstRecordedAt()
                    + ": asAt shows what the ledger knew then; for positions effective on a past date as known now, "
                    + "ask with effectiveOn instead");
        }
    }

    /**
     * An extract that failed once its first bytes were sent: its status (200) and headers are gone, so
     * no error answer can be written any more. Rethrown past the API's error handlers to the web
     * server, which then closes the connection without the body's final chunk (Tomcat does so for any
     * error on a committed response).
     */
    @ExceptionHandler(ExtractAborted.class)
    void abort(ExtractAborted aborted) {
        throw aborted;
    }

    /** Without a cause or stack trace: the failure is logged above, with the request's correlation id. */
    static final class ExtractAborted extends RuntimeException {

        ExtractAborted(String fileName) {
            super("BI extract " + fileName + " aborted after its first bytes were sent (its cause is logged before this)",
                    null, false, false);
        }
    }

    /** {@code bom}: {@code true} or {@code false} (the default, also when blank); anything else is refused. */
    private static boolean byteOrderMark(String bom, ExtractFormat format) {
        String value = QueryParameters.optional(bom);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (!value.equals("true")) {
            throw new QueryParameters.InvalidQuery("bom", "must be true or false, was '" + bom + "'");
        }
        if (!format.offersByteOrderMark()) {
            throw new QueryParameters.InvalidQuery("bom", "only a CSV file can start with a byte-order mark "
                    + "(JSON Lines never does)");
        }
        return true;
    }

    private static String programmeFilter(String programme) {
        String id = QueryParameters.optional(programme);
        if (id != null && !org.savingsledger.shared.LedgerIds.isValid(id)) {
            throw new QueryParameters.InvalidQuery("programme", "must be a programme id, was '" + programme + "'");
        }
        return id;
    }

    private String fingerprint(Extract extract, String asAtParameter) {
        String input = String.join("|", extract.dataset().fileName(), extract.format().extension()
                        + (extract.byteOrderMark() ? "+bom" : ""),
                String.valueOf(extract.query().organisation()), String.valueOf(extract.query().programmeId()),
                asAtParameter == null ? "now" : extract.query().asAt().toString(),
                extract.query().effectiveOn().toString(), progress.position());
        return HexFormat.of().formatHex(DigestTrailer.sha256().digest(input.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
