package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSideApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the API once took leniently and now refuses with a 400 naming the field, writing nothing:
 * control characters in text, dates out of range or with a time, a profile naming a year twice. And
 * the answers around the API: the error page is problem+json, and a client that stops sending is
 * dropped after the connection timeout.
 */
@LedgerHttpTest
class LenientInputTest {

    /** Bad characters, as JSON escapes: NUL, ESC, DEL, a C1 control (NEL), an unpaired surrogate. */
    private static final List<String> BAD_CHARACTERS = List.of("\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\ud800");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebServerApplicationContext context;

    private ApiClient api;
    private String programme;
    private String saving;
    private String committee;

    @BeforeEach
    void aProgrammeASavingAndACommittee() {
        api = new ApiClient(port).withOrganisation("nottinghamshire");
        String run = UUID.randomUUID().toString().substring(0, 8);
        programme = "lenient-" + run;
        saving = "lenient-s-" + run;
        committee = "lenient-c-" + run;
        created(api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Lenient", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2021/22"}""".formatted(programme)));
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "t", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 50000, "2019/20": 50000}}""".formatted(saving)));
        created(api.post("/api/committees", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Committee"}""".formatted(committee)));
    }

    @Test
    void aControlCharacterOrAnUnpairedSurrogateInAnyTextFieldIsA400NamingItAndWritesNothing() {
        String launch = """
                {"id": "lenient-new-%s", "organisation": "nottinghamshire", "name": "n", "savingsTarget": 1,
                 "firstYear": "2018/19", "lastYear": "2019/20", "description": "d", "reason": "r", "decisionRef": "x"}""";
        String propose = """
                {"id": "lenient-new-%s", "title": "t", "workstream": "w", "owner": "o", "confidence": "CONFIDENT",
                 "stage": "CONCEPT", "profile": {"2018/19": 1}, "reason": "r", "decisionRef": "x"}""";
        String slip = """
                {"fromYear": "2018/19", "toYear": "2019/20", "amount": 1, "reason": "r", "decisionRef": "x"}""";
        String establish = """
                {"id": "lenient-new-%s", "organisation": "nottinghamshire", "name": "n", "reason": "r"}""";
        String report = """
                {"id": "lenient-new-%s", "meetingDate": "2018-03-12", "title": "t", "decisionRef": "x"}""";
        List<Case> cases = List.of(
                new Case("/api/programmes", launch, "organisation"),
                new Case("/api/programmes", launch, "name"),
                new Case("/api/programmes", launch, "description"),
                new Case("/api/programmes", launch, "reason"),
                new Case("/api/programmes", launch, "decisionRef"),
                new Case("/api/programmes/" + programme + "/savings", propose, "title"),
                new Case("/api/programmes/" + programme + "/savings", propose, "workstream"),
                new Case("/api/programmes/" + programme + "/savings", propose, "owner"),
                new Case("/api/programmes/" + programme + "/savings", propose, "reason"),
                new Case("/api/savings/" + saving + "/slips", slip, "reason"),
                new Case("/api/savings/" + saving + "/slips", slip, "decisionRef"),
                new Case("/api/committees", establish, "organisation"),
                new Case("/api/committees", establish, "name"),
                new Case("/api/committees/" + committee + "/reports", report, "title"),
                new Case("/api/committees/" + committee + "/reports", report, "decisionRef"));
        long events = events();
        for (Case refused : cases) {
            for (String bad : BAD_CHARACTERS) {
                String body = refused.body(UUID.randomUUID().toString().substring(0, 8), "a" + bad + "b");
                ApiClient.Reply reply = api.post(refused.path(), body);
                assertThat(reply.status()).as(refused + " with " + bad + ": " + reply).isEqualTo(400);
                assertThat(reply.contentType()).isEqualTo("application/problem+json");
                JsonNode errors = reply.json().path("errors");
                assertThat(errors).as(reply.toString()).hasSize(1);
                assertThat(errors.get(0).path("field").asText()).as(reply.toString()).isEqualTo(refused.field());
                assertThat(errors.get(0).path("message").asText()).as(reply.toString())
                        .containsAnyOf("control characters", "unpaired surrogate");
            }
        }
        assertThat(events()).as("events written by refused commands").isEqualTo(events);
        assertThat(version(saving)).isZero();
        assertThat(version(committee)).isZero();
    }

    @Test
    void onlyAReasonADescriptionOrATitleMayCarryTabsAndLineBreaks() {
        ApiClient.Reply name = api.post("/api/committees",
                "{\"organisation\": \"nottinghamshire\", \"name\": \"Adult Social Care\\nand Public Health\"}");
        ApiClient.Reply organisation = api.post("/api/committees", "{\"organisation\": \"notts\\tshire\", \"name\": \"n\"}");
        ApiClient.Reply decisionRef = api.post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 5, \"reason\": \"r\", \"decisionRef\": \"Cabinet\\r\\nitem 9\"}");
        assertThat(List.of(name, organisation, decisionRef)).extracting(ApiClient.Reply::status).containsOnly(400);
        assertThat(List.of(name, organisation, decisionRef))
                .extracting(reply -> reply.json().path("errors").get(0).path("field").asText())
                .containsExactly("name", "organisation", "decisionRef");
        assertThat(version(programme)).isZero();

        ApiClient.Reply reason = api.post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 5, \"reason\": \"Cabinet report:\\r\\n\\tparagraph 4.2\"}");
        assertThat(reason.status()).as(reason.toString()).isEqualTo(200);
        assertThat(payload(programme, 1)).contains("Cabinet report:\\r\\n\\tparagraph 4.2");
        ApiClient.Reply title = api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"2018-03-12\", \"title\": \"Position report\\nfirst quarter\"}");
        assertThat(title.status()).as(title.toString()).isEqualTo(201);
    }

    @Test
    void anEffectiveDateOutside1900To2100OrWithATimeIsA400NamingItAndWritesNothing() {
        String path = "/api/programmes/" + programme + "/budget-approvals";
        for (String date : List.of("\"1899-12-31\"", "\"2101-01-01\"", "\"2018-03-12T10:00\"", "\"2018-03-12T10:00:00Z\"",
                "\"2018-03-12 10:00\"", "\"0001-01-01\"", "\"+12018-03-12\"", "\"2018-02-30\"", "17602", "[2018, 3, 12]")) {
            ApiClient.Reply reply = api.post(path, "{\"amount\": 5, \"reason\": \"r\", \"effectiveDate\": " + date + "}");
            assertThat(reply.status()).as(date + ": " + reply).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json().path("errors").get(0).path("field").asText()).as(reply.toString()).isEqualTo("effectiveDate");
        }
        assertThat(version(programme)).as("refused commands write nothing").isZero();
        ApiClient.Reply time = api.post(path, "{\"amount\": 5, \"reason\": \"r\", \"effectiveDate\": \"2018-03-12T10:00\"}");
        assertThat(time.json().path("errors").get(0).path("message").asText()).contains("without a time");
        ApiClient.Reply early = api.post(path, "{\"amount\": 5, \"reason\": \"r\", \"effectiveDate\": \"1899-12-31\"}");
        assertThat(early.json().path("errors").get(0).path("message").asText()).contains("1900-01-01", "2100-12-31");

        assertThat(api.post(path, "{\"amount\": 5, \"reason\": \"r\", \"effectiveDate\": \"1900-01-01\"}").status()).isEqualTo(200);
        assertThat(api.post(path, "{\"amount\": 5, \"reason\": \"r\", \"effectiveDate\": \"2100-12-31\"}").status()).isEqualTo(200);
        assertThat(version(programme)).isEqualTo(2);
        // a report's meeting date is a date of a command body too
        ApiClient.Reply meeting = api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"2018-03-12T19:00\", \"title\": \"t\"}");
        assertThat(meeting.status()).isEqualTo(400);
        assertThat(meeting.json().path("errors").get(0).path("field").asText()).isEqualTo("meetingDate");
    }

    @Test
    void aProfileNamingAYearTwiceInAnySpellingIsA400NamingProfileAndWritesNothing() {
        long events = events();
        for (String profile : List.of("{\"2018-19\": 1000, \"2018/19\": 2000}", "{\"2018/19\": 1000, \"2019/20\": 5, \"2018-19\": 1000}",
                "{\"2018/19\": 1000, \" 2018/19 \": 2000}")) {
            ApiClient.Reply proposed = api.post("/api/programmes/" + programme + "/savings", """
                    {"id": "lenient-twice-%s", "title": "t", "confidence": "CONFIDENT", "stage": "CONCEPT", "profile": %s}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), profile));
            ApiClient.Reply revised = api.post("/api/savings/" + saving + "/profile",
                    "{\"profile\": " + profile + ", \"reason\": \"r\"}");
            for (ApiClient.Reply reply : List.of(proposed, revised)) {
                assertThat(reply.status()).as(profile + ": " + reply).isEqualTo(400);
                assertThat(reply.contentType()).isEqualTo("application/problem+json");
                JsonNode error = reply.json().path("errors").get(0);
                assertThat(error.path("field").asText()).as(reply.toString()).isEqualTo("profile");
                assertThat(error.path("message").asText()).as(reply.toString()).contains("2018/19", "twice");
            }
        }
        assertThat(events()).isEqualTo(events);
        assertThat(version(saving)).isZero();
        // the checks of a single year still name it
        ApiClient.Reply badYear = api.post("/api/savings/" + saving + "/profile",
                "{\"profile\": {\"2018/19\": 1, \"2018/20\": 2}, \"reason\": \"r\"}");
        assertThat(badYear.json().path("errors").get(0).path("field").asText()).isEqualTo("profile.2018/20");
        ApiClient.Reply badAmount = api.post("/api/savings/" + saving + "/profile",
                "{\"profile\": {\"2018-19\": 1.001}, \"reason\": \"r\"}");
        assertThat(badAmount.json().path("errors").get(0).path("field").asText()).isEqualTo("profile.2018-19");
        ApiClient.Reply once = api.post("/api/savings/" + saving + "/profile",
                "{\"profile\": {\"2018-19\": 1000, \"2019/20\": 2000}, \"reason\": \"r\"}");
        assertThat(once.status()).as(once.toString()).isEqualTo(200);
        assertThat(payload(saving, 1)).contains("\"2018/19\":1000.00", "\"2019/20\":2000.00");
    }

    @Test
    void theErrorPageAndContainerRefusalsAnswerProblemJson() {
        ApiClient.Reply error = api.get("/error");
        assertThat(error.status()).as(error.toString()).isEqualTo(404);
        assertThat(error.contentType()).isEqualTo("application/problem+json");
        assertThat(error.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:not-found");
        assertThat(error.json().path("status").asInt()).isEqualTo(404);

        for (String hidden : List.of("/WEB-INF/web.xml", "/META-INF/MANIFEST.MF")) {
            ApiClient.Reply reply = ApiClient.anonymous(port).get(hidden);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo("application/problem+json");
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:not-found");
            assertThat(reply.json().path("detail").asText()).isEqualTo("there is nothing at GET " + hidden);
        }
    }

    @Test
    void aClientThatStopsSendingIsDroppedAfterTheConnectionTimeout(@Autowired EmbeddedPostgres postgres) throws Exception {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat()
                .getConnector().getProtocolHandler();
        assertThat(protocol.getConnectionTimeout()).as("server.tomcat.connection-timeout").isEqualTo(20_000);
        assertThat(protocol.getKeepAliveTimeout()).as("server.tomcat.keep-alive-timeout").isEqualTo(20_000);

        // the real thing, with a timeout of 1 s instead of 20: a second instance on the same event store
        try (ConfigurableApplicationContext impatient = SpringApplication.run(CommandSideApplication.class,
                "--server.port=0", "--spring.main.banner-mode=off", "--server.tomcat.connection-timeout=1s",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--ledger.data-dir=target/test-data/" + UUID.randomUUID(), "--ledger.admin.password=" + ApiClient.ADMIN_PASSWORD)) {
            int impatientPort = ((WebServerApplicationContext) impatient).getWebServer().getPort();
            long events = events();
            String authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ApiClient.ADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            // declares 100 bytes of body and sends 10
            Dropped shortBody = sendAndWait(impatientPort, "POST /api/programmes/" + programme + "/budget-approvals HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"amount\":");
            // headers that never end
            Dropped slowHeaders = sendAndWait(impatientPort, "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n");

            for (Dropped dropped : List.of(shortBody, slowHeaders)) {
                assertThat(dropped.closed()).as("connection closed by the server").isTrue();
                assertThat(dropped.millis()).as("time until dropped").isLessThan(5_000);
                assertThat(dropped.answer()).doesNotStartWith("HTTP/1.1 2").doesNotStartWith("HTTP/1.1 5");
            }
            assertThat(events()).isEqualTo(events);
            assertThat(version(programme)).isZero();
        }
    }

    /** Sends {@code request} and waits (at most 10 s) for the server to close the connection. */
    private static Dropped sendAndWait(int port, String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            List<Byte> answer = new ArrayList<>();
            boolean closed;
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    answer.add((byte) b);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (java.net.SocketException reset) {
                closed = true;
            }
            byte[] bytes = new byte[answer.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = answer.get(i);
            }
            return new Dropped(closed, (System.nanoTime() - start) / 1_000_000, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private record Dropped(boolean closed, long millis, String answer) {
    }

    /** A request body with one text field set to a value (given as a JSON string's content). */
    private record Case(String path, String template, String field) {

        String body(String suffix, String value) {
            String body = template.contains("%s") ? template.formatted(suffix) : template;
            String withField = body.replaceFirst("\"" + field + "\": \"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"" + field + "\": \"" + value + "\""));
            if (withField.equals(body)) {
                throw new IllegalStateException(field + " is not in " + template);
            }
            return withField;
        }
    }

    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long version(String aggregateId) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private String payload(String aggregateId, long sequence) {
        byte[] bytes = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, aggregateId, sequence);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
