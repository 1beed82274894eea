package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, per role and organisation, for every group of endpoints: the role decides
 * (403 when it does not allow the request, 401 when nobody signed in), the organisation hides
 * (another organisation's ids are 404, as if they did not exist). Users: {@link AllInOneTest}.
 */
@AllInOneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

    private static final String PW = "pw";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PROGRAMME = "sec-programme-" + RUN;
    static final String SAVING = "sec-saving-" + RUN;
    static final String COMMITTEE = "sec-committee-" + RUN;
    static final String LEICS_PROGRAMME = "sec-leics-" + RUN;

    @LocalServerPort
    int port;

    @BeforeAll
    void aProgrammeSavingAndCommitteeInEachOrganisation() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Security", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2020/21"}""".formatted(PROGRAMME)).status()).isEqualTo(201);
        assertThat(admin.post("/api/programmes/" + PROGRAMME + "/savings", """
                {"id": "%s", "title": "Reablement", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 500000, "2019/20": 500000}}""".formatted(SAVING)).status()).isEqualTo(201);
        assertThat(admin.post("/api/savings/" + SAVING + "/deliveries",
                "{\"year\": \"2018/19\", \"amount\": 100, \"reason\": \"outturn\"}").status()).isEqualTo(200);
        assertThat(admin.post("/api/committees", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "ASC&PH"}""".formatted(COMMITTEE)).status()).isEqualTo(201);
        assertThat(admin.post("/api/committees/" + COMMITTEE + "/programmes", """
                {"programmeId": "%s"}""".formatted(PROGRAMME)).status()).isEqualTo(200);
        String token = admin.post("/api/programmes", """
                {"id": "%s", "organisation": "leicestershire", "name": "Leics", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2020/21"}""".formatted(LEICS_PROGRAMME)).json().path("consistencyToken").asText();
        assertThat(admin.get("/api/programmes?consistencyToken=" + token).status()).isEqualTo(200);
    }

    static Stream<Arguments> requests() {
        List<Arguments> rows = new ArrayList<>();
        // reads: every role of the organisation; another organisation's ids are 404; nobody signed in is 401
        for (String user : List.of("viewer-notts", "editor-notts", "finance-notts", "clerk-notts", "viewer-both", "admin")) {
            rows.add(Arguments.of(user, "GET", "/api/programmes/" + PROGRAMME, null, 200));
            rows.add(Arguments.of(user, "GET", "/api/savings/" + SAVING + "/history", null, 200));
            rows.add(Arguments.of(user, "GET", "/api/committees/" + COMMITTEE, null, 200));
            rows.add(Arguments.of(user, "GET", "/api/bi/savings.csv", null, 200));
            rows.add(Arguments.of(user, "GET", "/odata/programmes", null, 200));
        }
        for (String path : List.of("/api/programmes/" + PROGRAMME, "/api/savings/" + SAVING, "/api/savings/" + SAVING + "/history",
                "/api/programmes/" + PROGRAMME + "/savings", "/api/committees/" + COMMITTEE)) {
            rows.add(Arguments.of("editor-leics", "GET", path, null, 404));
            rows.add(Arguments.of(null, "GET", path, null, 401));
        }
        rows.add(Arguments.of("viewer-notts", "GET", "/api/programmes/" + LEICS_PROGRAMME, null, 404));
        rows.add(Arguments.of("editor-leics", "GET", "/api/programmes/" + LEICS_PROGRAMME, null, 200));
        // savings commands: EDITOR of the organisation
        String rag = "{\"status\": \"AMBER\", \"reason\": \"risk\"}";
        rows.add(Arguments.of("editor-notts", "POST", "/api/savings/" + SAVING + "/rag", rag, 200));
        rows.add(Arguments.of("admin", "POST", "/api/savings/" + SAVING + "/rag", rag, 200));
        for (String user : List.of("viewer-notts", "finance-notts", "clerk-notts", "viewer-both")) {
            rows.add(Arguments.of(user, "POST", "/api/savings/" + SAVING + "/rag", rag, 403));
        }
        rows.add(Arguments.of("editor-leics", "POST", "/api/savings/" + SAVING + "/rag", rag, 404));
        rows.add(Arguments.of(null, "POST", "/api/savings/" + SAVING + "/rag", rag, 401));
        rows.add(Arguments.of("editor-notts", "POST", "/api/programmes/" + PROGRAMME + "/savings",
                "{\"title\": \"t\", \"confidence\": \"STRETCH\", \"stage\": \"CONCEPT\", \"profile\": {}}", 201));
        rows.add(Arguments.of("editor-leics", "POST", "/api/programmes/" + PROGRAMME + "/savings",
                "{\"title\": \"t\", \"confidence\": \"STRETCH\", \"stage\": \"CONCEPT\", \"profile\": {}}", 404));
        // delivery corrections and programme money: FINANCE
        String correction = "{\"year\": \"2018/19\", \"amount\": -1.00, \"reason\": \"double counted\"}";
        rows.add(Arguments.of("finance-notts", "POST", "/api/savings/" + SAVING + "/delivery-corrections", correction, 200));
        rows.add(Arguments.of("editor-notts", "POST", "/api/savings/" + SAVING + "/delivery-corrections", correction, 403));
        String budget = "{\"amount\": 1000, \"reason\": \"posts\"}";
        rows.add(Arguments.of("finance-notts", "POST", "/api/programmes/" + PROGRAMME + "/budget-approvals", budget, 200));
        rows.add(Arguments.of("editor-notts", "POST", "/api/programmes/" + PROGRAMME + "/budget-approvals", budget, 403));
        rows.add(Arguments.of("finance-notts", "POST", "/api/programmes/" + LEICS_PROGRAMME + "/budget-approvals", budget, 404));
        String resolution = "{\"source\": \"never bid for\", \"amount\": 1, \"decision\": \"APPROVED\", \"reason\": \"r\"}";
        String resolve = "/api/programmes/" + PROGRAMME + "/pending-budget-resolutions";
        rows.add(Arguments.of("finance-notts", "POST", resolve, resolution, 422));
        rows.add(Arguments.of("editor-notts", "POST", resolve, resolution, 403));
        rows.add(Arguments.of("viewer-notts", "POST", resolve, resolution, 403));
        rows.add(Arguments.of("finance-notts", "POST", "/api/programmes", """
                {"organisation": "leicestershire", "name": "Not mine", "savingsTarget": 1, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""", 403));
        rows.add(Arguments.of("finance-notts", "POST", "/api/programmes", """
                {"organisation": "nottinghamshire", "name": "Mine", "savingsTarget": 1, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""", 201));
        // committees: COMMITTEE_CLERK
        String committee = "{\"organisation\": \"nottinghamshire\", \"name\": \"Cabinet\"}";
        rows.add(Arguments.of("clerk-notts", "POST", "/api/committees", committee, 201));
        rows.add(Arguments.of("editor-notts", "POST", "/api/committees", committee, 403));
        rows.add(Arguments.of("clerk-notts", "POST", "/api/committees/" + COMMITTEE + "/reports",
                "{\"meetingDate\": \"2018-03-12\", \"title\": \"Quarterly position\"}", 201));
        rows.add(Arguments.of("finance-notts", "POST", "/api/committees/" + COMMITTEE + "/reports",
                "{\"meetingDate\": \"2018-03-12\", \"title\": \"Quarterly position\"}", 403));
        // operations: ADMIN; health is public
        for (String user : List.of("viewer-notts", "editor-notts", "finance-notts", "clerk-notts")) {
            rows.add(Arguments.of(user, "GET", "/admin/read-models", null, 403));
            rows.add(Arguments.of(user, "GET", "/actuator/prometheus", null, 403));
        }
        rows.add(Arguments.of("admin", "GET", "/admin/read-models", null, 200));
        rows.add(Arguments.of("admin", "GET", "/actuator/prometheus", null, 200));
        rows.add(Arguments.of(null, "GET", "/actuator/health", null, 200));
        rows.add(Arguments.of(null, "GET", "/actuator/health/liveness", null, 200));
        rows.add(Arguments.of(null, "GET", "/v3/api-docs", null, 401));
        rows.add(Arguments.of("viewer-notts", "GET", "/v3/api-docs", null, 200));
        rows.add(Arguments.of("nobody", "GET", "/api/programmes", null, 401));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("requests")
    void theRoleDecidesAndTheOrganisationHides(String user, String method, String path, String body, int expected) {
        ApiClient client = user == null ? ApiClient.anonymous(port)
                : user.equals("admin") ? new ApiClient(port) : new ApiClient(port).as(user, PW);
        ApiClient.Reply reply = method.equals("GET") ? client.get(path) : client.post(path, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> everyMethodOfAReadPath() {
        List<Arguments> rows = new ArrayList<>();
        List<String> reads = List.of("/api/programmes", "/api/programmes/" + PROGRAMME, "/api/programmes/" + PROGRAMME + "/savings",
                "/api/savings/" + SAVING, "/api/savings/" + SAVING + "/history", "/api/committees/" + COMMITTEE,
                "/api/years/2018-19", "/api/bi/savings.csv", "/api/bi/changes.jsonl", "/odata/", "/odata/$metadata",
                "/odata/programmes");
        for (String path : reads) {
            // a user without a role is refused a read whatever the method, exactly as a GET (HEAD runs the GET's handler)
            for (String method : List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE")) {
                rows.add(Arguments.of("no-role-notts", method, path, 403));
            }
            rows.add(Arguments.of(null, "HEAD", path, 401));
            rows.add(Arguments.of(null, "OPTIONS", path, 401));
            rows.add(Arguments.of("viewer-notts", "HEAD", path, 200));
        }
        rows.add(Arguments.of("editor-leics", "HEAD", "/api/programmes/" + PROGRAMME, 404));
        for (String path : List.of("/admin/read-models", "/actuator/prometheus")) {
            rows.add(Arguments.of("viewer-notts", "HEAD", path, 403));
            rows.add(Arguments.of("viewer-notts", "OPTIONS", path, 403));
        }
        rows.add(Arguments.of("no-role-notts", "HEAD", "/actuator/health", 200));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("everyMethodOfAReadPath")
    void everyMethodOfAReadIsDecidedAsAGet(String user, String method, String path, int expected) {
        ApiClient client = user == null ? ApiClient.anonymous(port) : new ApiClient(port).as(user, PW);
        ApiClient.Reply reply = client.send(method, path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        }
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void headOfAnExtractAnswersItsHeadersWithoutBuildingIt() {
        ApiClient viewer = new ApiClient(port).as("viewer-notts", PW);
        double rowsBefore = rowsStreamed("savings", "csv");
        ApiClient.Reply head = viewer.send("HEAD", "/api/bi/savings.csv?programme=" + PROGRAMME);
        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/csv");
        assertThat(head.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(head.header("Content-Disposition")).contains("filename=\"savings.csv\"");
        // the length of an extract is known only once it is built: a HEAD must not claim one (0 would say "empty")
        assertThat(head.header("Content-Length")).isNull();
        assertThat(head.body()).isEmpty();
        assertThat(rowsStreamed("savings", "csv")).as("rows built for a HEAD").isEqualTo(rowsBefore);

        ApiClient.Reply get = viewer.get("/api/bi/savings.csv?programme=" + PROGRAMME);
        assertThat(get.body()).contains(SAVING);
        assertThat(rowsStreamed("savings", "csv")).as("rows built for the GET").isGreaterThan(rowsBefore);
    }

    private double rowsStreamed(String dataset, String format) {
        Counter rows = meters.find("ledger.bi.rows").tag("dataset", dataset).tag("format", format).counter();
        return rows == null ? 0 : rows.count();
    }

    @Test
    void listsAndExtractsShowOnlyTheUsersOrganisations() {
        ApiClient notts = new ApiClient(port).as("viewer-notts", PW);
        ApiClient leics = new ApiClient(port).as("editor-leics", PW);
        assertThat(notts.get("/api/programmes").json()).extracting(p -> p.path("organisation").asText()).containsOnly("nottinghamshire");
        assertThat(leics.get("/api/programmes").json()).extracting(p -> p.path("organisation").asText()).containsOnly("leicestershire");
        // naming another organisation is answered as naming one not registered: a 404, no rows
        ApiClient.Reply theirs = notts.get("/api/programmes?organisation=leicestershire");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().path("detail").asText()).isEqualTo("no organisation 'leicestershire'");
        assertThat(notts.get("/api/bi/programmes.csv").body()).contains(PROGRAMME).doesNotContain(LEICS_PROGRAMME)
                .doesNotContain("leicestershire");
        assertThat(leics.get("/api/bi/programmes.csv").body()).contains(LEICS_PROGRAMME).doesNotContain(PROGRAMME);
        assertThat(notts.get("/odata/programmes").body()).doesNotContain("leicestershire");
        assertThat(notts.get("/api/years/2018-19?organisation=leicestershire").json().path("planned").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(notts.get("/api/years/2018-19?organisation=leicestershire").status()).isEqualTo(404);
        ApiClient both = new ApiClient(port).as("viewer-both", PW);
        assertThat(both.get("/api/programmes").json()).extracting(p -> p.path("organisation").asText())
                .contains("nottinghamshire", "leicestershire");
    }

    @Test
    void theActorOfAnEventIsTheSignedInUser() {
        ApiClient editor = new ApiClient(port).as("editor-notts", PW);
        ApiClient.Reply changed = editor.post("/api/savings/" + SAVING + "/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"done\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode history = editor.get("/api/savings/" + SAVING + "/history?consistencyToken="
                + changed.json().path("consistencyToken").asText()).json();
        assertThat(history.get(history.size() - 1).path("type").asText()).isEqualTo("SavingStageChanged");
        assertThat(history.get(history.size() - 1).path("actor").asText()).isEqualTo("editor-notts");
    }

    @Test
    void aFrozenReportOfAnotherOrganisationIsNotServedFromItsKeptBytes() {
        ApiClient admin = new ApiClient(port);
        String report = "/api/committees/notts-ascph-committee/reports/notts-ascph-2018-03-12";
        assertThat(admin.get(report).status()).isEqualTo(200);
        assertThat(new ApiClient(port).as("editor-leics", PW).get(report).status()).isEqualTo(404);
        assertThat(new ApiClient(port).as("viewer-notts", PW).get(report).status()).isEqualTo(200);
    }
}
