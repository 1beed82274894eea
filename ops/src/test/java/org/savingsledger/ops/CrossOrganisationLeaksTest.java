package org.savingsledger.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of one organisation can learn about another's: nothing from a rule or its message (another
 * organisation's programme named in a body is answered exactly as an unknown one), only "in use" from a
 * taken id (ids are global; the 409 names neither kind nor organisation), and no request header makes the
 * ledger hand out links to a host of the client's choosing. Users: {@link AllInOneTest}.
 */
@AllInOneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOrganisationLeaksTest {

    // per instance: a rerun of the class (a new instance, the same application) makes its own
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String nottsCommittee = "leak-notts-committee-" + run;
    private final String nottsProgramme = "leak-notts-programme-" + run;
    private final String nottsSaving = "leak-notts-saving-" + run;
    private final String leicsProgramme = "leak-leics-programme-" + run;
    private final String leicsSaving = "leak-leics-saving-" + run;
    private final String unknownId = "leak-unknown-" + run;

    @LocalServerPort
    int port;

    @BeforeAll
    void aCommitteeProgrammeAndSavingInEachOrganisation() {
        ApiClient admin = new ApiClient(port);
        created(admin.post("/api/committees", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Cabinet"}""".formatted(nottsCommittee)));
        created(admin.post("/api/programmes", programme(nottsProgramme, "nottinghamshire")));
        created(admin.post("/api/programmes/" + nottsProgramme + "/savings", saving(nottsSaving)));
        created(admin.post("/api/programmes", programme(leicsProgramme, "leicestershire")));
        created(admin.post("/api/programmes/" + leicsProgramme + "/savings", saving(leicsSaving)));
    }

    @Test
    void anotherOrganisationsProgrammeAssignedToACommitteeIsAnsweredAsAnUnknownOne() {
        ApiClient clerk = new ApiClient(port).as("clerk-notts", "pw");
        String path = "/api/committees/" + nottsCommittee + "/programmes";

        ApiClient.Reply foreign = clerk.post(path, "{\"programmeId\": \"" + leicsProgramme + "\"}");
        ApiClient.Reply unknown = clerk.post(path, "{\"programmeId\": \"" + unknownId + "\"}");

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().path("rule").asText()).isEqualTo("programme-must-exist");
        assertSameAnswer(foreign, unknown, leicsProgramme);
    }

    @Test
    void anotherOrganisationsProgrammeInAReportIsAnsweredAsAnUnknownOne() {
        ApiClient clerk = new ApiClient(port).as("clerk-notts", "pw");
        String path = "/api/committees/" + nottsCommittee + "/reports";
        String body = "{\"meetingDate\": \"2018-03-12\", \"title\": \"Position\", \"programmeIds\": [\"%s\", \"%s\"]}";

        ApiClient.Reply foreign = clerk.post(path, body.formatted(nottsProgramme, leicsProgramme));
        ApiClient.Reply unknown = clerk.post(path, body.formatted(nottsProgramme, unknownId));

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertSameAnswer(foreign, unknown, leicsProgramme);
    }

    /** The administrator sees every organisation, so for them the rule may say what is wrong. */
    @Test
    void theAdministratorIsToldTheProgrammeIsOfAnotherOrganisation() {
        ApiClient.Reply reply = new ApiClient(port).post("/api/committees/" + nottsCommittee + "/programmes",
                "{\"programmeId\": \"" + leicsProgramme + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("rule").asText()).isEqualTo("same-organisation");
    }

    /**
     * Ids are one namespace across organisations (they name the event streams), so a taken id is a 409
     * for everyone; the answer for another organisation's saving or programme is word for word the one
     * for an id of the user's own, and names neither kind nor organisation.
     */
    @Test
    void anIdInUseElsewhereIsA409ThatNamesNeitherKindNorOrganisation() {
        ApiClient editor = new ApiClient(port).as("editor-leics", "pw");
        String path = "/api/programmes/" + leicsProgramme + "/savings";

        ApiClient.Reply ownSaving = editor.post(path, saving(leicsSaving));
        assertThat(ownSaving.status()).as(ownSaving.toString()).isEqualTo(409);
        assertThat(ownSaving.json().path("detail").asText()).isEqualTo("the id '" + leicsSaving + "' is already in use");
        for (String theirs : new String[] {nottsSaving, nottsProgramme, nottsCommittee}) {
            ApiClient.Reply reply = editor.post(path, saving(theirs));
            assertSameAnswer(reply, ownSaving, theirs);
            assertThat(reply.json().path("title").asText()).isEqualTo("Id already in use");
            assertThat(reply.json().path("detail").asText()).isEqualTo("the id '" + theirs + "' is already in use");
        }
    }

    @Test
    void theHostHeaderNeverMakesALink() throws IOException {
        String own = "http://localhost:" + port;

        String serviceDocument = rawExchange("GET /odata/ HTTP/1.0\r\n", "");
        assertThat(serviceDocument).doesNotContain("evil.example")
                .contains("\"@odata.context\":\"" + own + "/odata/$metadata\"");

        String page = rawExchange("GET /odata/programmes HTTP/1.0\r\nPrefer: odata.maxpagesize=1\r\n", "");
        assertThat(page).doesNotContain("evil.example")
                .contains("\"@odata.context\":\"" + own + "/odata/$metadata#programmes\"")
                .contains("\"@odata.nextLink\":\"" + own + "/odata/programmes?");

        String id = "leak-host-" + run;
        String created = rawExchange("POST /api/programmes HTTP/1.0\r\nContent-Type: application/json\r\n",
                programme(id, "nottinghamshire"));
        assertThat(created).startsWith("HTTP/1.1 201").doesNotContain("evil.example")
                .containsIgnoringCase("\r\nLocation: " + own + "/api/programmes/" + id + "\r\n");
    }

    /**
     * One request as the administrator over a socket, with {@code Host} and {@code X-Forwarded-*} naming
     * another host (HTTP/1.0, so the answer is not chunked); the whole answer, head and body.
     */
    private String rawExchange(String requestLineAndHeaders, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((requestLineAndHeaders
                    + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n"
                    + "Forwarded: host=evil.example;proto=https\r\n"
                    + "Authorization: " + ApiClient.adminAuthorization() + "\r\n"
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The same status, content type and problem, but for the id. */
    private void assertSameAnswer(ApiClient.Reply actual, ApiClient.Reply expected, String idInActual) {
        assertThat(actual.status()).as(actual.toString()).isEqualTo(expected.status());
        assertThat(actual.contentType()).isEqualTo(expected.contentType());
        ObjectNode problem = (ObjectNode) actual.json();
        ObjectNode reference = (ObjectNode) expected.json();
        String expectedDetail = reference.path("detail").asText();
        problem.put("detail", problem.path("detail").asText().replace(idInActual, "<id>"));
        reference.put("detail", expectedDetail.replace(unknownId, "<id>").replace(leicsSaving, "<id>"));
        // the instance is the request's own path; everything else must be the same
        problem.remove("instance");
        reference.remove("instance");
        assertThat(problem).isEqualTo(reference);
    }

    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static String programme(String id, String organisation) {
        return """
                {"id": "%s", "organisation": "%s", "name": "Leaks", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2020/21"}""".formatted(id, organisation);
    }

    private static String saving(String id) {
        return """
                {"id": "%s", "title": "Reablement", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 1000}}""".formatted(id);
    }
}
