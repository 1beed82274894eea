package org.savingsledger.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The BI feeds over HTTP on the demo data: columns, rows, awkward text, reproducible bytes, ETags. */
@AllInOneTest
class BiFeedTest {

    private static final String AWKWARD_TITLE = "Reablement, \"more\" people offered\nsecond line: £1.0m café";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;

    @BeforeEach
    void readModelsHoldEverything() {
        api = new ApiClient(port);
        awaitReadModels();
    }

    @Test
    void everyDatasetHasItsDocumentedHeaderInCsvAndJsonLines() throws Exception {
        for (Dataset dataset : Dataset.values()) {
            HttpResponse<String> csv = get("/api/bi/" + dataset.fileName() + ".csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(csv.body().substring(0, csv.body().indexOf("\r\n")))
                    .isEqualTo(String.join(",", dataset.columns().stream().map(Column::name).toList()));

            HttpResponse<String> jsonl = get("/api/bi/" + dataset.fileName() + ".jsonl");
            assertThat(jsonl.statusCode()).isEqualTo(200);
            // an empty dataset (no deliveries yet, say) is an empty JSON Lines file: nothing to check there
            jsonl.body().lines().findFirst().ifPresent(line -> {
                List<String> fields = new ArrayList<>();
                try {
                    JSON.readTree(line).fieldNames().forEachRemaining(fields::add);
                } catch (IOException e) {
                    throw new AssertionError(line, e);
                }
                assertThat(fields).isEqualTo(dataset.columns().stream().map(Column::name).toList());
            });
        }
    }

    /** Filtered by the demo's programmes: other tests add programmes to Nottinghamshire and Leicestershire. */
    @Test
    void theDemoRowsAreThere() throws Exception {
        List<CSVRecord> years = csv("/api/bi/saving_years.csv?programme=leics-transformation");
        assertThat(years).extracting(r -> r.get("year") + "=" + r.get("planned"))
                .containsExactly("2016/17=9900000.00", "2017/18=9000000.00", "2018/19=9300000.00", "2019/20=7200000.00");

        List<CSVRecord> programmes = csv("/api/bi/programmes.csv?programme=notts-asc-savings");
        assertThat(programmes).hasSize(1);
        assertThat(programmes.get(0).get("planned_total")).isEqualTo("38204000.00");
        assertThat(programmes.get(0).get("gap_to_target")).isEqualTo("-20223000.00");

        List<CSVRecord> slips = csv("/api/bi/changes.csv?programme=notts-asc-savings").stream()
                .filter(r -> r.get("event_type").equals("SavingSlippedToYear")).toList();
        assertThat(slips).extracting(r -> r.get("year") + " " + r.get("before") + "->" + r.get("after"))
                .containsExactly("2018/19 5379000.00->4379000.00", "2020/21 1696000.00->2696000.00");
        assertThat(slips.get(0).get("decision_ref")).isEqualTo("ASC&PH Committee 2018-03-12 item 9");
        assertThat(slips.get(0).get("effective_date")).isEqualTo("2018-03-12");

        List<CSVRecord> slipRows = csv("/api/bi/slips.csv?programme=notts-asc-savings");
        assertThat(slipRows).extracting(r -> r.get("kind") + " " + r.get("from_year") + "->" + r.get("to_year") + " "
                + r.get("amount") + " " + r.get("saving_id")).containsExactly("SLIP 2018/19->2020/21 1000000.00 notts-asc-column-b");

        // the slip took effect on 12 March 2018: effective the day before, column B still plans 5,379k in 2018/19
        assertThat(csv("/api/bi/saving_years.csv?programme=notts-asc-savings&effectiveOn=2018-03-11").stream()
                .filter(r -> r.get("saving_id").equals("notts-asc-column-b") && r.get("year").equals("2018/19"))
                .map(r -> r.get("planned")).toList()).containsExactly("5379000.00");
        assertThat(csv("/api/bi/saving_years.csv?programme=notts-asc-savings").stream()
                .filter(r -> r.get("saving_id").equals("notts-asc-column-b") && r.get("year").equals("2018/19"))
                .map(r -> r.get("planned")).toList()).containsExactly("4379000.00");
        assertThat(csv("/api/bi/slips.csv?programme=notts-asc-savings&asAt=2018-03-12")).isEmpty();

        List<CSVRecord> reported = csv("/api/bi/committee_reports.csv?programme=notts-asc-savings");
        assertThat(reported).extracting(r -> r.get("year") + "=" + r.get("planned"))
                .containsExactly("2018/19=12895000.00", "2019/20=9463000.00", "2020/21=9627000.00", "2021/22=6219000.00");

        List<CSVRecord> savings = csv("/api/bi/savings.csv?programme=notts-asc-savings");
        assertThat(savings).extracting(r -> r.get("saving_id"))
                .containsExactly("notts-asc-column-a", "notts-asc-column-b", "notts-asc-column-c");
    }

    @Test
    void awkwardTextSurvivesCsvAndJsonLines() throws Exception {
        String organisation = "awkward-" + UUID.randomUUID().toString().substring(0, 6);
        api.withOrganisation(organisation);
        String programme = api.post("/api/programmes", """
                {"organisation": "%s", "name": "Café, \\"quoted\\" programme", "savingsTarget": 1,
                 "firstYear": "2018/19", "lastYear": "2018/19"}""".formatted(organisation)).id();
        ApiClient.Reply saving = api.post("/api/programmes/" + programme + "/savings", JSON.createObjectNode()
                .put("title", AWKWARD_TITLE).put("workstream", "Early Resolution, phase 2").put("confidence", "STRETCH")
                .put("stage", "CONCEPT").set("profile", JSON.createObjectNode().put("2018/19", 80835.55)).toString());
        assertThat(saving.status()).as(saving.toString()).isEqualTo(201);
        String token = saving.json().path("consistencyToken").asText();

        HttpResponse<String> csv = get("/api/bi/savings.csv?programme=" + programme + "&consistencyToken=" + token);
        assertThat(csv.body()).contains("\"Reablement, \"\"more\"\" people offered\nsecond line: £1.0m café\"");
        CSVRecord row = parse(csv.body()).get(0);
        assertThat(row.get("title")).isEqualTo(AWKWARD_TITLE);
        assertThat(row.get("workstream")).isEqualTo("Early Resolution, phase 2");
        assertThat(row.get("planned_total")).isEqualTo("80835.55");
        assertThat(row.get("rag")).isEmpty();

        String savingId = saving.id();
        api.post("/api/savings/" + savingId + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 80835.55, \"reason\": \"Outturn\"}");
        token = api.post("/api/savings/" + savingId + "/delivery-corrections",
                "{\"year\": \"2018/19\", \"amount\": -716, \"reason\": \"Post costed twice\"}").json().path("consistencyToken").asText();
        assertThat(csv("/api/bi/deliveries.csv?programme=" + programme + "&consistencyToken=" + token))
                .extracting(r -> r.get("kind") + " " + r.get("amount") + " " + r.get("delivered_after"))
                .containsExactly("DELIVERY 80835.55 80835.55", "CORRECTION -716.00 80119.55");

        JsonNode json = JSON.readTree(get("/api/bi/savings.jsonl?programme=" + programme).body().lines().findFirst().orElseThrow());
        assertThat(json.path("title").asText()).isEqualTo(AWKWARD_TITLE);
        assertThat(json.path("planned_total").decimalValue()).isEqualByComparingTo("80835.55");
        assertThat(json.path("rag").isNull()).isTrue();
        assertThat(csv(("/api/bi/programmes.csv?programme=" + programme)).get(0).get("name"))
                .isEqualTo("Café, \"quoted\" programme");
    }

    @Test
    void theSameRequestAsAtTheSameInstantGivesTheSameBytesAndETag() throws Exception {
        // a programme of its own to change: the demo's stay as the report had them, for every other test
        String organisation = "etag-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        String programme = api.post("/api/programmes", """
                {"organisation": "%s", "name": "ETags", "savingsTarget": 100, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""".formatted(organisation)).id();
        ApiClient.Reply saving = api.post("/api/programmes/" + programme + "/savings", """
                {"title": "Reablement", "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "profile": {"2018/19": 100}}""");
        assertThat(saving.status()).as(saving.toString()).isEqualTo(201);
        // the ETag follows the read models' position: read it once they hold everything recorded so far
        assertThat(api.get("/api/programmes?consistencyToken=" + saving.json().path("consistencyToken").asText())
                .status()).isEqualTo(200);

        String asAt = Instant.now().toString();
        HttpResponse<byte[]> first = getBytes("/api/bi/changes.csv?asAt=" + asAt, null);
        HttpResponse<byte[]> second = getBytes("/api/bi/changes.csv?asAt=" + asAt, null);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains(saving.id());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> unchanged = getBytes("/api/bi/changes.csv?asAt=" + asAt, etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        String current = getBytes("/api/bi/changes.csv", null).headers().firstValue("ETag").orElseThrow();
        assertThat(getBytes("/api/bi/changes.csv", current).statusCode()).isEqualTo(304);
        String token = api.post("/api/savings/" + saving.id() + "/rag",
                "{\"status\": \"GREEN\", \"reason\": \"On track\"}").json().path("consistencyToken").asText();
        assertThat(api.get("/api/programmes?consistencyToken=" + token).status()).isEqualTo(200);
        // something was recorded since: the same request now has new bytes and a new ETag
        assertThat(getBytes("/api/bi/changes.csv", current).statusCode()).isEqualTo(200);
    }

    @Test
    void theBytesSha256FollowsThemAsATrailerAnnouncedInTheHeaderToAClientThatReadsTrailers() throws Exception {
        RawReply reply = rawGet("TE: trailers\r\n");
        assertThat(reply.headers()).anySatisfy(header -> assertThat(header).isEqualToIgnoringCase("Trailer: Repr-Digest"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(reply.body()));
        assertThat(reply.trailer()).isEqualToIgnoringCase("Repr-Digest: sha-256=:" + expected + ":");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).startsWith("organisation,programme_id,");
    }

    @Test
    void aClientThatDoesNotAskForTrailersGetsNone() throws Exception {
        RawReply reply = rawGet("");
        assertThat(reply.headers()).noneSatisfy(header -> assertThat(header).startsWithIgnoringCase("Trailer:"));
        assertThat(reply.trailer()).isEmpty();
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).startsWith("organisation,programme_id,");
    }

    /** The header lines, the de-chunked body and the first line after the last chunk (empty: no trailer). */
    private record RawReply(java.util.List<String> headers, byte[] body, String trailer) {
    }

    /** {@code GET /api/bi/programmes.csv} over a plain socket, so the chunks and trailers can be seen. */
    private RawReply rawGet(String extraHeaders) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/bi/programmes.csv HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders
                    + "Authorization: " + ApiClient.adminAuthorization() + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            java.util.List<String> headers = new java.util.ArrayList<>();
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                assertThat(line).doesNotStartWithIgnoringCase("Content-Length");
                headers.add(line);
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; readLine(in)) {
                byte[] chunk = new byte[size];
                in.readFully(chunk);
                body.write(chunk);
            }
            return new RawReply(headers, body.toByteArray(), readLine(in));
        }
    }

    private static String readLine(java.io.DataInputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void refusalsAreProblems() throws Exception {
        HttpResponse<String> unknown = get("/api/bi/budgets.csv");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/bi/savings.xlsx").statusCode()).isEqualTo(404);
        assertThat(get("/api/bi/savings.csv?asAt=last-week").statusCode()).isEqualTo(400);
        assertThat(get("/api/bi/savings.csv?programme=NOT_AN_ID").statusCode()).isEqualTo(400);
    }

    private void awaitReadModels() {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
    }

    private List<CSVRecord> csv(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return parse(response.body());
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", ApiClient.adminAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ApiClient.adminAuthorization()).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
