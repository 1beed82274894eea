package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.QuerySideApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side refuses what it cannot honour instead of answering something else: a query
 * parameter its endpoint does not have, an OData {@code $skip} that would overflow, a consistency
 * token beyond the event store. Every answer, the error page's included, is problem+json, in the
 * all-in-one and in the query side on its own.
 */
@AllInOneTest
class InputStrictnessTest {

    private static final String PROGRAMME = "notts-asc-savings";
    private static final String SAVING = "notts-asc-column-b";
    private static final String COMMITTEE = "notts-ascph-committee";
    private static final String REPORT = "notts-ascph-2018-03-12";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebServerApplicationContext context;

    ApiClient api;

    @BeforeEach
    void readModelsHoldEverything() {
        api = new ApiClient(port);
        assertThat(api.get("/api/programmes?consistencyToken=" + head()).status()).isEqualTo(200);
    }

    @Test
    void everyQueryRefusesAParameterItDoesNotHaveNamingIt() {
        Map<String, String> unknown = Map.ofEntries(
                Map.entry("/api/programmes?effectiveon=2018-03-11", "effectiveon"),
                Map.entry("/api/programmes/" + PROGRAMME + "?asat=2018-03-11", "asat"),
                Map.entry("/api/programmes/" + PROGRAMME + "/savings?stage=CONCEPT", "stage"),
                Map.entry("/api/years/2018-19?year=2019-20", "year"),
                Map.entry("/api/savings/" + SAVING + "?effectiveon=2018-03-11", "effectiveon"),
                Map.entry("/api/savings/" + SAVING + "/history?since=2018-03-11", "since"),
                Map.entry("/api/committees/" + COMMITTEE + "?organisation=nottinghamshire", "organisation"),
                Map.entry("/api/committees/" + COMMITTEE + "/reports/" + REPORT + "?effective_on=2018-03-11", "effective_on"),
                Map.entry("/api/committees/" + COMMITTEE + "/reports/" + REPORT + "/changes?programme=x", "programme"),
                Map.entry("/api/bi/saving_years.csv?organisation=nottinghamshire&year=2018/19", "year"),
                Map.entry("/api/bi/changes.jsonl?effectiveon=2018-03-11", "effectiveon"),
                Map.entry("/admin/read-models?readModel=savings", "readModel"));
        unknown.forEach((path, parameter) -> {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:invalid-input");
            JsonNode errors = reply.json().path("errors");
            assertThat(errors).as(path + ": " + reply).hasSize(1);
            assertThat(errors.get(0).path("field").asText()).isEqualTo(parameter);
            assertThat(errors.get(0).path("message").asText()).startsWith("is not a parameter of this endpoint");
        });
        ApiClient.Reply programmes = api.get("/api/programmes?effectiveon=2018-03-11");
        assertThat(programmes.json().path("errors").get(0).path("message").asText())
                .isEqualTo("is not a parameter of this endpoint; its parameters are asAt, consistencyToken, effectiveOn, organisation");

        ApiClient.Reply two = api.get("/api/savings/" + SAVING + "?effectiveon=2018-03-11&asat=2018-03-11");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().path("errors").findValuesAsText("field")).containsExactly("asat", "effectiveon");
    }

    @Test
    void theParametersAnEndpointHasStillAnswer() {
        List<String> answered = List.of(
                "/api/programmes?organisation=nottinghamshire&asAt=2018-03-12&effectiveOn=2018-03-11&consistencyToken=1",
                "/api/programmes/" + PROGRAMME + "?effectiveOn=2018-03-11",
                "/api/years/2018-19?organisation=nottinghamshire",
                "/api/savings/" + SAVING + "/history?effectiveOn=2018-03-11",
                // the contract: every query accepts asAt and effectiveOn, a frozen report too (where it changes nothing)
                "/api/committees/" + COMMITTEE + "/reports/" + REPORT + "?effectiveOn=2018-03-11",
                "/api/bi/saving_years.csv?organisation=nottinghamshire&programme=" + PROGRAMME + "&effectiveOn=2018-03-11",
                "/admin/read-models",
                // OData's system options are the protocol's, the others Spring's
                "/odata/saving_years?$top=1&asAt=2018-03-12&effectiveOn=2018-03-11",
                "/v3/api-docs",
                "/actuator/health?probe=1");
        for (String path : answered) {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
        }
        assertThat(api.get("/api/committees/" + COMMITTEE + "/reports/" + REPORT + "?effectiveOn=2018-03-11").body())
                .isEqualTo(api.get("/api/committees/" + COMMITTEE + "/reports/" + REPORT).body());
    }

    @Test
    void anODataFeedRefusesAParameterThatIsNeitherAnOptionOfItsOwnNorOneOfTheProtocols() {
        for (String parameter : List.of("effectiveon", "top", "sap-client")) {
            ApiClient.Reply reply = api.get("/odata/saving_years?" + parameter + "=1");
            assertThat(reply.status()).as(parameter + ": " + reply).isEqualTo(400);
            // under /odata, refusals are OData errors (docs/odata.md)
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.json().path("error").path("target").asText()).isEqualTo(parameter);
        }
    }

    @Test
    void anODataSkipOrTopThatWouldOverflowIsRefused() {
        for (String options : List.of("$skip=9223372036854775807", "$skip=9223372036854775807&$skiptoken=2",
                "$top=9223372036854775807", "$skip=2147483648", "$skiptoken=2147483648", "$skip=-1")) {
            ApiClient.Reply reply = api.get("/odata/saving_years?" + options);
            assertThat(reply.status()).as(options + ": " + reply).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(reply.header("OData-Version")).isEqualTo("4.0");
            assertThat(reply.json().path("error").path("message").asText()).as(options)
                    .contains(options.substring(0, options.indexOf('=')));
        }
        // the largest accepted (Olingo reads $skip and $top as 32-bit whole numbers): past the end, an empty page
        ApiClient.Reply last = api.get("/odata/saving_years?$skip=2147483647&$skiptoken=2147483647");
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.json().path("value")).isEmpty();
    }

    @Test
    void aConsistencyTokenBeyondTheEventStoreIsA400AtOnce() {
        long beyond = head() + 1000;
        for (String path : List.of("/api/programmes/" + PROGRAMME, "/api/bi/programmes.csv", "/odata/programmes")) {
            long start = System.nanoTime();
            ApiClient.Reply reply = api.get(path + "?consistencyToken=" + beyond);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(400);
            if (path.startsWith("/odata")) {
                assertThat(reply.contentType()).startsWith("application/json");
                assertThat(reply.json().path("error").path("target").asText()).isEqualTo("consistencyToken");
            } else {
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("consistencyToken");
            }
            assertThat(millis).as("answered without waiting for the read models").isLessThan(2_000);
        }
        // a token just issued is beyond the head last seen, and answers
        String programme = "strict-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Reply launched = api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Strict", "savingsTarget": 100,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(programme));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        ApiClient.Reply read = api.get("/api/programmes/" + programme + "?consistencyToken="
                + launched.json().path("consistencyToken").asText());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
    }

    @Test
    void theErrorPageAnswersProblemJson() {
        assertNotFoundProblem(api.get("/error"), "GET /error");
        assertNotFoundProblem(ApiClient.anonymous(port).get("/WEB-INF/web.xml"), "GET /WEB-INF/web.xml");
        assertThat(timeouts(context)).containsExactly(20_000, 20_000);
    }

    @Test
    void theQuerySideOnItsOwnAnswersProblemJsonEverywhere(@Autowired EmbeddedPostgres postgres) throws Exception {
        try (ConfigurableApplicationContext queries = SpringApplication.run(QuerySideApplication.class,
                "--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--ledger.mongo.embedded-storage=memory",
                "--ledger.data-dir=target/test-data/" + UUID.randomUUID(), "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD)) {
            WebServerApplicationContext web = (WebServerApplicationContext) queries;
            int queryPort = web.getWebServer().getPort();
            ApiClient queryApi = new ApiClient(queryPort);

            assertNotFoundProblem(queryApi.get("/error"), "GET /error");
            assertNotFoundProblem(ApiClient.anonymous(queryPort).get("/WEB-INF/web.xml"), "GET /WEB-INF/web.xml");
            assertNotFoundProblem(queryApi.get("/api/nothing-here"), "GET /api/nothing-here");
            ApiClient.Reply unknown = queryApi.get("/api/programmes?effectiveon=2018-03-11");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("effectiveon");

            String wrongMethod = raw(queryPort, "DELETE /api/programmes HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + ApiClient.adminAuthorization() + "\r\nConnection: close\r\n\r\n");
            assertThat(wrongMethod).startsWith("HTTP/1.1 405").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("urn:savings-ledger:problem:method-not-allowed");
            String undecodable = raw(queryPort, "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(undecodable).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("urn:savings-ledger:problem:invalid-input");
            assertThat(timeouts(web)).containsExactly(20_000, 20_000);
            // every answer carries a correlation id, the caller's own when it sent one (docs/errors.md)
            assertThat(queryApi.get("/api/programmes", "X-Correlation-Id", "query-probe-1").header("X-Correlation-Id"))
                    .isEqualTo("query-probe-1");
            assertThat(queryApi.get("/api/nothing-here").header("X-Correlation-Id")).isNotBlank();
        }
    }

    private static void assertNotFoundProblem(ApiClient.Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:not-found");
        assertThat(reply.json().path("detail").asText()).isEqualTo("there is nothing at " + what);
    }

    /** The connector's connection and keep-alive timeouts, in milliseconds. */
    private static List<Integer> timeouts(WebServerApplicationContext context) {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat()
                .getConnector().getProtocolHandler();
        return List.of(protocol.getConnectionTimeout(), protocol.getKeepAliveTimeout());
    }

    /** A request as written (for what HTTP clients will not send), and the whole answer. */
    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }
}
