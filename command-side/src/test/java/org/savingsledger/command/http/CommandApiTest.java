package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command API of the contract, end to end over HTTP on the embedded PostgreSQL: every command's
 * success path, and for every refusal its status, its problem+json body and an unchanged event store.
 */
@LedgerHttpTest
class CommandApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    /** The server's clock: where its "today" comes from. */
    @Autowired
    Clock clock;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port).withOrganisation("nottinghamshire").withOrganisation("leicestershire");
    }

    // ---------------------------------------------------------------- success paths

    /**
     * Axon's auto-configuration puts every dispatch interceptor bean on the command gateway as well,
     * so ours are registered on the bus by hand and none is a bean: the organisation check had run
     * twice per command.
     */
    @Test
    void noDispatchInterceptorIsABeanSoNoneRunsTwice() {
        assertThat(context.getBeansOfType(MessageDispatchInterceptor.class)).isEmpty();
    }

    @Test
    void launchingAProgrammeAnswers201WithIdVersionAndConsistencyToken() {
        String id = newId("prog");
        ApiClient.Reply reply = api.post("/api/programmes", programme(id, "nottinghamshire"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.location()).endsWith("/api/programmes/" + id);
        JsonNode body = reply.json();
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("version").asLong()).isZero();
        assertThat(body.path("consistencyToken").asText())
                .isEqualTo(Long.toString(globalIndexOf(id, 0)));
    }

    @Test
    void withoutAnIdTheServerMakesOne() {
        ApiClient.Reply reply = api.post("/api/programmes", """
                {"organisation": "leicestershire", "name": "Transformation Programme", "savingsTarget": 35400000,
                 "firstYear": "2016/17", "lastYear": "2019/20"}""");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.id()).matches("^[a-z0-9][a-z0-9-]{0,62}$");
        assertThat(eventTypes(reply.id())).containsExactly("ProgrammeLaunched");
    }

    @Test
    void everyProgrammeCommandIsStoredAsAnEventAndBumpsTheVersion() {
        String programme = launchProgramme("nottinghamshire");

        ApiClient.Reply target = api.post("/api/programmes/" + programme + "/target",
                "{\"savingsTarget\": 18000000.5, \"reason\": \"MTFS refresh\", \"decisionRef\": \"Full Council 2018-02-22\"}");
        ApiClient.Reply budget = api.post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 6700000, \"reason\": \"Resource plan approved\"}");
        ApiClient.Reply drawdown = api.post("/api/programmes/" + programme + "/cost-drawdowns",
                "{\"amount\": 2400000, \"reason\": \"Posts funded from reserves\", \"expectedVersion\": 2}");

        assertThat(List.of(target, budget, drawdown)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(List.of(target.version(), budget.version(), drawdown.version())).containsExactly(1L, 2L, 3L);
        assertThat(Long.parseLong(drawdown.json().path("consistencyToken").asText()))
                .isGreaterThan(Long.parseLong(budget.json().path("consistencyToken").asText()));
        assertThat(eventTypes(programme)).containsExactly("ProgrammeLaunched", "ProgrammeTargetRevised",
                "ProgrammeBudgetApproved", "ProgrammeCostDrawnDown");
        assertThat(payload(programme, 1)).contains("\"savingsTarget\":18000000.50", "\"previousTarget\":17981000.00",
                "\"reason\":\"MTFS refresh\"", "\"decisionRef\":\"Full Council 2018-02-22\"");
    }

    @Test
    void everySavingCommandIsStoredAsAnEvent() {
        String programme = launchProgramme("nottinghamshire");
        String saving = proposeSaving(programme);
        String path = "/api/savings/" + saving;

        List<ApiClient.Reply> replies = new ArrayList<>();
        replies.add(api.post(path + "/profile", "{\"profile\": {\"2018/19\": 5379000, \"2019/20\": 3461000, \"2020/21\": 1696000}, \"reason\": \"Re-profiled\"}"));
        replies.add(api.post(path + "/slips", "{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 1000000, \"reason\": \"Newton: 2018/19 at risk\", \"decisionRef\": \"ASC&PH Committee 2018-03-12 item 9\", \"effectiveDate\": \"2018-03-12\"}"));
        replies.add(api.post(path + "/bring-forwards", "{\"fromYear\": \"2020/21\", \"toYear\": \"2019/20\", \"amount\": 250000.25, \"reason\": \"Reablement ahead of plan\"}"));
        replies.add(api.post(path + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 4500000, \"reason\": \"Outturn\"}"));
        replies.add(api.post(path + "/delivery-corrections", "{\"year\": \"2018/19\", \"amount\": -120000.10, \"reason\": \"Double counted with reablement\"}"));
        replies.add(api.post(path + "/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"Complete\"}"));
        replies.add(api.post(path + "/confidence", "{\"confidence\": \"STRETCH\", \"reason\": \"Newton: less confidence\"}"));
        replies.add(api.post(path + "/rag", "{\"status\": \"AMBER\", \"reason\": \"Slippage risk\"}"));
        replies.add(api.post(path + "/withdrawal", "{\"reason\": \"Superseded by the aligned programme\"}"));

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.id()).isEqualTo(saving);
        });
        assertThat(replies.stream().map(ApiClient.Reply::version).toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(eventTypes(saving)).containsExactly("SavingProposed", "SavingProfileRevised",
                "SavingSlippedToYear", "SavingBroughtForward", "SavingDeliveryRecorded", "SavingDeliveryCorrected",
                "SavingStageChanged", "SavingConfidenceChanged", "SavingRagChanged", "SavingWithdrawn");
        assertThat(payload(saving, 2)).contains("\"amount\":1000000.00", "\"effectiveDate\":\"2018-03-12\"",
                "\"decisionRef\":\"ASC&PH Committee 2018-03-12 item 9\"", "\"actor\":\"admin\"");
    }

    @Test
    void committeeCommandsOverseeProgrammesAndPresentReports() {
        String programme = launchProgramme("nottinghamshire");
        ApiClient.Reply committee = api.post("/api/committees",
                "{\"organisation\": \"nottinghamshire\", \"name\": \"Adult Social Care and Public Health Committee\"}");
        assertThat(committee.status()).as(committee.toString()).isEqualTo(201);
        String committeeId = committee.id();

        ApiClient.Reply assigned = api.post("/api/committees/" + committeeId + "/programmes",
                "{\"programmeId\": \"" + programme + "\"}");
        ApiClient.Reply report = api.post("/api/committees/" + committeeId + "/reports",
                "{\"meetingDate\": \"2018-03-12\", \"title\": \"Savings position\"}");

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.version()).isEqualTo(1);
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.id()).isNotEqualTo(committeeId);
        assertThat(report.version()).isEqualTo(2);
        assertThat(report.json().path("consistencyToken").asText()).isEqualTo(Long.toString(globalIndexOf(committeeId, 2)));
        assertThat(payload(committeeId, 2)).contains("\"programmeIds\":[\"" + programme + "\"]",
                "\"meetingDate\":\"2018-03-12\"", "\"reportId\":\"" + report.id() + "\"");
    }

    /**
     * Today is the server's, from its {@link Clock} bean, in London: read before and after the command,
     * so a command that runs across midnight may have either day. ({@code ProgrammeControllerTest} pins
     * the clock at 23:30 UTC on 31 March 2018, already 1 April in London.)
     */
    @Test
    void effectiveDateDefaultsToTodayInLondonAndTheActorIsTheSignedInUser() {
        Clock london = clock.withZone(ZoneId.of("Europe/London"));
        LocalDate before = LocalDate.now(london);
        String programme = launchProgramme("nottinghamshire");
        LocalDate after = LocalDate.now(london);
        assertThat(payload(programme, 0)).contains("\"actor\":\"admin\"")
                .containsAnyOf("\"effectiveDate\":\"" + before + "\"", "\"effectiveDate\":\"" + after + "\"");
    }

    @Test
    void savingsAndProgrammesAreSnapshottedAfterTheConfiguredNumberOfEvents() {
        String saving = proposeSaving(launchProgramme("nottinghamshire"));
        for (int i = 0; i < 6; i++) {
            assertThat(api.post("/api/savings/" + saving + "/deliveries",
                    "{\"year\": \"2019/20\", \"amount\": 1000, \"reason\": \"Monthly outturn\"}").status()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, saving)).isPositive();
        // loading from the snapshot gives the same state: the next command still sees all deliveries
        ApiClient.Reply tooMuch = api.post("/api/savings/" + saving + "/delivery-corrections",
                "{\"year\": \"2019/20\", \"amount\": -6000.01, \"reason\": \"Reversal\"}");
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(api.post("/api/savings/" + saving + "/delivery-corrections",
                "{\"year\": \"2019/20\", \"amount\": -6000, \"reason\": \"Reversal\"}").status()).isEqualTo(200);

        String programme = launchProgramme("leicestershire");
        for (int i = 0; i < 6; i++) {
            assertThat(api.post("/api/programmes/" + programme + "/cost-drawdowns",
                    "{\"amount\": 100, \"reason\": \"Monthly spend\"}").status()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, programme)).isPositive();
    }

    @Test
    void healthPrometheusAndTheOpenApiDescriptionAreServed() {
        ApiClient.Reply health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        ApiClient.Reply openApi = api.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("paths").has("/api/savings/{id}/slips")).isTrue();
    }

    @Test
    void theRequestsCorrelationIdIsEchoedAndTravelsInTheEventsMetadata() {
        ApiClient.Reply reply = api.post("/api/programmes", programme(newId("prog"), "nottinghamshire"),
                "X-Correlation-Id", "req-2018-03-12.item9");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.location()).isEqualTo("req-2018-03-12.item9");
        String metaData = new String(jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?",
                byte[].class, reply.id()), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"requestCorrelationId\":\"req-2018-03-12.item9\"", "\"traceId\"");

        ApiClient.Reply generated = api.post("/api/programmes", programme(newId("prog"), "nottinghamshire"),
                "X-Correlation-Id", "not a sensible id; drop table");
        assertThat(generated.location()).matches("[0-9a-f-]{36}");
    }

    @Test
    void commandsAndEventsAreCountedByTypeAndOutcome() {
        String saving = proposeSaving(launchProgramme("nottinghamshire"));
        api.post("/api/savings/" + saving + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 5, \"reason\": \"r\"}");
        api.post("/api/savings/" + saving + "/delivery-corrections", "{\"year\": \"2018/19\", \"amount\": -6, \"reason\": \"r\"}");

        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("ledger_commands_seconds_count\\{command=\"RecordSavingDelivered\",outcome=\"accepted\"[^}]*} [1-9]")
                .containsPattern("ledger_commands_seconds_count\\{command=\"CorrectSavingDelivery\",outcome=\"refused\"[^}]*} [1-9]")
                .containsPattern("ledger_events_appended_total\\{type=\"SavingDeliveryRecorded\"[^}]*} [1-9]");
    }

    // ---------------------------------------------------------------- refusals

    @Nested
    class Refusals {

        @Test
        void aSecondCreateWithTheSameIdIsA409() {
            String id = launchProgramme("nottinghamshire");
            assertRefused(409, "conflict", () -> api.post("/api/programmes", programme(id, "nottinghamshire")));
        }

        @Test
        void idsAreUniqueAcrossKinds() {
            String programme = launchProgramme("nottinghamshire");
            assertRefused(409, "conflict", () -> api.post("/api/committees",
                    "{\"id\": \"" + programme + "\", \"organisation\": \"nottinghamshire\", \"name\": \"Cabinet\"}"));
        }

        @Test
        void aStaleExpectedVersionIsA409() {
            String programme = launchProgramme("nottinghamshire");
            assertRefused(409, "version-conflict", () -> api.post("/api/programmes/" + programme + "/budget-approvals",
                    "{\"amount\": 100, \"reason\": \"r\", \"expectedVersion\": 3}"));
        }

        @Test
        void aSlipOfMoreThanIsPlannedAndUndeliveredIsA422NamingTheRule() {
            String saving = proposeSaving(launchProgramme("nottinghamshire"));
            ApiClient.Reply reply = assertRefused(422, "rule:move-within-undelivered-plan",
                    () -> api.post("/api/savings/" + saving + "/slips",
                            "{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 6804000.01, \"reason\": \"r\"}"));
            assertThat(reply.json().path("detail").asText()).contains("planned and not yet delivered");
        }

        @Test
        void yearsOutsideTheProgrammePeriodAreA422() {
            String saving = proposeSaving(launchProgramme("nottinghamshire"));
            assertRefused(422, "rule:years-within-programme-period", () -> api.post("/api/savings/" + saving + "/deliveries",
                    "{\"year\": \"2030/31\", \"amount\": 5, \"reason\": \"r\"}"));
        }

        @Test
        void aCorrectionBelowZeroIsA422() {
            String saving = proposeSaving(launchProgramme("nottinghamshire"));
            assertRefused(422, "rule:delivered-never-negative", () -> api.post("/api/savings/" + saving + "/delivery-corrections",
                    "{\"year\": \"2018/19\", \"amount\": -1, \"reason\": \"r\"}"));
        }

        @Test
        void aWithdrawnSavingTakesNoFurtherCommands() {
            String saving = proposeSaving(launchProgramme("nottinghamshire"));
            assertThat(api.post("/api/savings/" + saving + "/withdrawal", "{\"reason\": \"dropped\"}").status()).isEqualTo(200);
            assertRefused(422, "rule:withdrawn-saving-is-closed", () -> api.post("/api/savings/" + saving + "/rag",
                    "{\"status\": \"RED\", \"reason\": \"r\"}"));
        }

        @Test
        void aCommitteeCannotOverseeAnotherOrganisationsProgramme() {
            String programme = launchProgramme("leicestershire");
            String committee = api.post("/api/committees", "{\"organisation\": \"nottinghamshire\", \"name\": \"Cabinet\"}").id();
            assertRefused(422, "rule:same-organisation", () -> api.post("/api/committees/" + committee + "/programmes",
                    "{\"programmeId\": \"" + programme + "\"}"));
        }

        @Test
        void aCommitteeCannotOverseeAProgrammeThatDoesNotExist() {
            String committee = api.post("/api/committees", "{\"organisation\": \"nottinghamshire\", \"name\": \"Cabinet\"}").id();
            assertRefused(422, "rule:programme-must-exist", () -> api.post("/api/committees/" + committee + "/programmes",
                    "{\"programmeId\": \"no-such-programme\"}"));
        }

        @Test
        void unknownPathIdsAre404() {
            assertRefused(404, "not-found", () -> api.post("/api/savings/no-such-saving/deliveries",
                    "{\"year\": \"2018/19\", \"amount\": 5, \"reason\": \"r\"}"));
            assertRefused(404, "not-found", () -> api.post("/api/programmes/no-such-programme/savings", saving()));
            assertRefused(404, "not-found", () -> api.post("/api/committees/no-such-committee/reports",
                    "{\"meetingDate\": \"2018-03-12\", \"title\": \"t\"}"));
        }

        @Test
        void anIdOfAnotherKindIsA404NotAReplayIntoTheWrongAggregate() {
            String programme = launchProgramme("nottinghamshire");
            assertRefused(404, "not-found", () -> api.post("/api/savings/" + programme + "/deliveries",
                    "{\"year\": \"2018/19\", \"amount\": 5, \"reason\": \"r\"}"));
        }

        @Test
        void aPathIdThatCannotBeAnIdIsA404() {
            assertRefused(404, "not-found", () -> api.post("/api/savings/NOT_AN_ID/rag", "{\"status\": \"RED\", \"reason\": \"r\"}"));
        }

        @Test
        void missingFieldsAreReportedTogether() {
            ApiClient.Reply reply = assertRefused(400, "invalid-input", () -> api.post("/api/programmes", "{\"name\": \"x\"}"));
            assertThat(fields(reply)).contains("organisation", "savingsTarget", "firstYear", "lastYear");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "three decimal places  | amount      | {\"amount\": 100.005, \"reason\": \"r\"}",
                "zero amount           | amount      | {\"amount\": 0, \"reason\": \"r\"}",
                "negative amount       | amount      | {\"amount\": -5, \"reason\": \"r\"}",
                "money as a string     | amount      | {\"amount\": \"100\", \"reason\": \"r\"}",
                "no reason             | reason      | {\"amount\": 100}",
                "unknown field         | colour      | {\"amount\": 100, \"reason\": \"r\", \"colour\": \"red\"}",
                "bad effective date    | effectiveDate | {\"amount\": 100, \"reason\": \"r\", \"effectiveDate\": \"12/03/2018\"}",
        })
        void invalidBudgetApprovalsAre400NamingTheField(String caseName, String field, String body) {
            String programme = launchProgramme("nottinghamshire");
            ApiClient.Reply reply = assertRefused(400, "invalid-input",
                    () -> api.post("/api/programmes/" + programme + "/budget-approvals", body));
            assertThat(fields(reply)).as(reply.toString()).contains(field);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "year spanning two years | fromYear | {\"fromYear\": \"2018/20\", \"toYear\": \"2020/21\", \"amount\": 1, \"reason\": \"r\"}",
                "short year              | fromYear | {\"fromYear\": \"18/19\", \"toYear\": \"2020/21\", \"amount\": 1, \"reason\": \"r\"}",
                "bare year               | toYear   | {\"fromYear\": \"2018/19\", \"toYear\": \"2020\", \"amount\": 1, \"reason\": \"r\"}",
                "slip to an earlier year | toYear   | {\"fromYear\": \"2019/20\", \"toYear\": \"2018/19\", \"amount\": 1, \"reason\": \"r\"}",
        })
        void invalidSlipsAre400NamingTheField(String caseName, String field, String body) {
            String saving = proposeSaving(launchProgramme("nottinghamshire"));
            ApiClient.Reply reply = assertRefused(400, "invalid-input", () -> api.post("/api/savings/" + saving + "/slips", body));
            assertThat(fields(reply)).as(reply.toString()).contains(field);
        }

        @Test
        void unknownEnumValuesBadIdsAndMalformedJsonAre400() {
            String programme = launchProgramme("nottinghamshire");
            String saving = proposeSaving(programme);
            assertThat(fields(assertRefused(400, "invalid-input", () -> api.post("/api/savings/" + saving + "/rag",
                    "{\"status\": \"PURPLE\", \"reason\": \"r\"}")))).contains("status");
            assertThat(fields(assertRefused(400, "invalid-input", () -> api.post("/api/programmes",
                    programme("Not An Id", "nottinghamshire"))))).contains("id");
            assertRefused(400, "invalid-input", () -> api.post("/api/programmes/" + programme + "/target", "{\"savingsTarget\": "));
            assertRefused(400, "invalid-input", () -> api.post("/api/programmes/" + programme + "/target", ""));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Sends the request and checks the problem+json refusal and that not one event was written. */
    private ApiClient.Reply assertRefused(int status, String problem, Supplier<ApiClient.Reply> request) {
        long eventsBefore = eventCount();
        long directoryBefore = jdbc.queryForObject("select count(*) from ledger_directory", Long.class);
        ApiClient.Reply reply = request.get();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).isEqualTo("urn:savings-ledger:problem:" + problem);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(eventCount()).as("events written by a refused command").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from ledger_directory", Long.class)).isEqualTo(directoryBefore);
        return reply;
    }

    private static List<String> fields(ApiClient.Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private String launchProgramme(String organisation) {
        ApiClient.Reply reply = api.post("/api/programmes", programme(newId("prog"), organisation));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    private String proposeSaving(String programme) {
        ApiClient.Reply reply = api.post("/api/programmes/" + programme + "/savings", saving());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    private static String programme(String id, String organisation) {
        return """
                {"id": "%s", "organisation": "%s", "name": "Adult Social Care savings", "savingsTarget": 17981000,
                 "firstYear": "2018/19", "lastYear": "2021/22", "description": "Figure 1, 12 March 2018"}"""
                .formatted(id, organisation);
    }

    private static String saving() {
        return """
                {"title": "Column A: Council savings out of Newton scope", "workstream": "Promoting Independence Interventions",
                 "owner": "Transformation Director", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 6804000, "2019/20": 588000, "2020/21": 53000}}""";
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long globalIndexOf(String aggregateId, long sequence) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", Long.class, aggregateId, sequence);
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, aggregateId)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String payload(String aggregateId, long sequence) {
        byte[] bytes = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, aggregateId, sequence);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
