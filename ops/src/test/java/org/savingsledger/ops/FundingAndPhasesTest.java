package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A council's second-phase programme over HTTP: it follows the first and sits in a directorate; its budget comes from
 * a reserve, from a grant bid that is partly approved and partly declined, and from money that names no source. The
 * summary and the BI {@code programmes} and {@code funding} datasets show each source's approved, pending and drawn
 * money, worked out by hand; as at before the resolutions the whole bid is pending, and effective on a day before the
 * approvals there is no money at all.
 */
@AllInOneTest
class FundingAndPhasesTest {

    private static final String RESERVE = "Transformation reserve";
    private static final String GRANT = "DLUHC grant";

    @LocalServerPort
    int port;

    ApiClient api;
    String organisation;
    String phase1;
    String phase2;
    String token;

    @BeforeEach
    void twoPhasesOfAProgramme() {
        api = new ApiClient(port);
        organisation = "county-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation).withOrganisation(organisation + "-other");
        phase1 = created(api.post("/api/programmes", launch("ASC phase 1", "2018/19", "2020/21", "")));
        phase2 = created(api.post("/api/programmes", launch("ASC phase 2", "2021/22", "2023/24",
                ", \"follows\": \"" + phase1 + "\", \"directorate\": \"Adults and Health\"")));
    }

    @Test
    void eachFundingSourceShowsItsApprovedPendingAndDrawnMoney() {
        accepted(api.post(path("budget-approvals"), money("2000000", RESERVE, "2021-04-10", "")));
        accepted(api.post(path("budget-approvals"), money("500000", null, "2021-04-10", "")));
        accepted(api.post(path("budget-approvals"), money("1500000", GRANT, "2021-05-01", ", \"pending\": true")));
        accepted(api.post(path("cost-drawdowns"), money("300000", RESERVE, "2021-06-01", "")));
        read(summaryPath());
        Instant beforeResolutions = Instant.now();

        accepted(api.post(path("pending-budget-resolutions"), money("1000000", GRANT, "2021-07-01",
                ", \"decision\": \"APPROVED\"")));
        accepted(api.post(path("pending-budget-resolutions"), money("200000", GRANT, "2021-07-01",
                ", \"decision\": \"DECLINED\"")));
        accepted(api.post(path("budget-corrections"), money("-100000", RESERVE, "2021-08-01", "")));
        accepted(api.post(path("cost-drawdown-corrections"), money("-50000", RESERVE, "2021-08-01", "")));
        accepted(api.post(path("cost-drawdowns"), money("80000", GRANT, "2021-08-01", "")));
        accepted(api.post(path("details"), """
                {"directorate": "Adults, Health and Housing", "reason": "Restructure", "effectiveDate": "2021-09-01"}"""));

        // grant: 1.5m bid - 1m approved - 0.2m declined = 0.3m pending, 80k drawn; reserve: 2m - 0.1m, 0.3m - 0.05m drawn
        JsonNode summary = read(summaryPath());
        assertThat(sources(summary)).containsExactly(
                GRANT + " 1000000.00 300000.00 80000.00",
                "NOT_SET 500000.00 0.00 0.00",
                RESERVE + " 1900000.00 0.00 250000.00");
        // 1.9m + 1m + 0.5m approved; 0.25m + 0.08m drawn
        assertThat(summary.path("budgetApproved").decimalValue()).isEqualByComparingTo("3400000.00");
        assertThat(summary.path("budgetPending").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(summary.path("costDrawnDown").decimalValue()).isEqualByComparingTo("330000.00");
        assertThat(summary.path("follows").asText()).isEqualTo(phase1);
        assertThat(summary.path("directorate").asText()).isEqualTo("Adults, Health and Housing");

        JsonNode beforeResolution = read(summaryPath() + "&asAt=" + beforeResolutions);
        assertThat(sources(beforeResolution)).containsExactly(
                GRANT + " 0.00 1500000.00 0.00",
                "NOT_SET 500000.00 0.00 0.00",
                RESERVE + " 2000000.00 0.00 300000.00");
        assertThat(beforeResolution.path("budgetApproved").decimalValue()).isEqualByComparingTo("2500000.00");
        assertThat(beforeResolution.path("budgetPending").decimalValue()).isEqualByComparingTo("1500000.00");
        assertThat(beforeResolution.path("directorate").asText()).isEqualTo("Adults and Health");

        JsonNode beforeApprovals = read(summaryPath() + "&effectiveOn=2021-04-09");
        assertThat(beforeApprovals.path("bySource").size()).isZero();
        assertThat(beforeApprovals.path("budgetApproved").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(sources(read(summaryPath() + "&effectiveOn=2021-04-30")))
                .containsExactly("NOT_SET 500000.00 0.00 0.00", RESERVE + " 2000000.00 0.00 0.00");

        List<String> funding = new ArrayList<>();
        for (JsonNode row : bi("funding", "")) {
            funding.add(row.path("organisation").asText() + " " + row.path("programme_id").asText() + " "
                    + row.path("source").asText() + " " + decimal(row.path("budget_approved")) + " "
                    + decimal(row.path("budget_pending")) + " " + decimal(row.path("cost_drawn_down")));
        }
        String prefix = organisation + " " + phase2 + " ";
        assertThat(funding).containsExactly(
                prefix + GRANT + " 1000000.00 300000.00 80000.00",
                prefix + "NOT_SET 500000.00 0.00 0.00",
                prefix + RESERVE + " 1900000.00 0.00 250000.00");
        assertThat(bi("funding", "&asAt=" + beforeResolutions).get(0).path("budget_pending").decimalValue())
                .isEqualByComparingTo("1500000.00");
        JsonNode programme = bi("programmes", "").get(0);
        assertThat(programme.path("follows").asText()).isEqualTo(phase1);
        assertThat(programme.path("directorate").asText()).isEqualTo("Adults, Health and Housing");
        assertThat(decimal(programme.path("budget_approved"))).isEqualTo("3400000.00");
        assertThat(decimal(programme.path("budget_pending"))).isEqualTo("300000.00");
    }

    @Test
    void aResolutionBeyondWhatIsPendingAndACorrectionBelowASourcesZeroAreRefused() {
        accepted(api.post(path("budget-approvals"), money("2000000", RESERVE, "2021-04-10", "")));
        accepted(api.post(path("budget-approvals"), money("1500000", GRANT, "2021-05-01", ", \"pending\": true")));

        refused(api.post(path("pending-budget-resolutions"), money("1500000.01", GRANT, "2021-07-01",
                ", \"decision\": \"APPROVED\"")), "resolution-within-pending");
        refused(api.post(path("pending-budget-resolutions"), money("1", RESERVE, "2021-07-01",
                ", \"decision\": \"DECLINED\"")), "resolution-within-pending");
        // the programme's 2m approved would stay above 0, but nothing of it is the grant's yet
        refused(api.post(path("budget-corrections"), money("-1", GRANT, "2021-07-01", "")), "source-figures-never-negative");
        // 10 drawn on the reserve, none on no source
        accepted(api.post(path("cost-drawdowns"), money("10", RESERVE, "2021-06-01", "")));
        refused(api.post(path("cost-drawdown-corrections"), money("-1", null, "2021-07-01", "")),
                "source-figures-never-negative");
        invalid(api.post(path("pending-budget-resolutions"), money("1", GRANT, "2021-07-01", "")), "decision");
        invalid(api.post(path("budget-approvals"), money("1", "NOT_SET", "2021-07-01", "")), "source");
        invalid(api.post(path("budget-approvals"), money("1", "x".repeat(201), "2021-07-01", "")), "source");

        JsonNode summary = read(summaryPath());
        assertThat(sources(summary)).containsExactly(GRANT + " 0.00 1500000.00 0.00", RESERVE + " 2000000.00 0.00 10.00");
        ApiClient.Reply declined = api.post(path("pending-budget-resolutions"), money("1500000", GRANT, "2021-07-01",
                ", \"decision\": \"DECLINED\""));
        accepted(declined);
        assertThat(declined.version()).isEqualTo(4);
    }

    @Test
    void aPhaseFollowsAnExistingProgrammeOfItsOwnOrganisation() {
        refused(api.post("/api/programmes", launch("ASC phase 3", "2024/25", "2025/26",
                ", \"follows\": \"no-such-programme-" + UUID.randomUUID().toString().substring(0, 8) + "\"")),
                "follows-own-programme");
        String elsewhere = created(api.post("/api/programmes", """
                {"organisation": "%s-other", "name": "Elsewhere", "savingsTarget": 1, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""".formatted(organisation)));
        refused(api.post("/api/programmes", launch("ASC phase 3", "2024/25", "2025/26",
                ", \"follows\": \"" + elsewhere + "\"")), "follows-own-programme");
        invalid(api.post("/api/programmes", launch("ASC phase 3", "2024/25", "2025/26",
                ", \"directorate\": \"" + "x".repeat(201) + "\"")), "directorate");

        JsonNode first = read("/api/programmes/" + phase1 + "?consistencyToken=" + token);
        assertThat(first.path("follows").isNull()).isTrue();
        assertThat(first.path("directorate").isNull()).isTrue();
        assertThat(first.path("bySource").size()).isZero();
        assertThat(read(summaryPath()).path("follows").asText()).isEqualTo(phase1);
    }

    @Test
    void theOrganisationListsAPhaseRightAfterTheProgrammeItFollowsAndRollsUpItsDirectorates() {
        // ids are made by the server, so phase 2's may sort before phase 1's: the order must come from follows
        String children = created(api.post("/api/programmes", launch("Children's services", "2021/22", "2022/23",
                ", \"directorate\": \"Children\"")));
        JsonNode view = read("/api/organisations/" + organisation + "?consistencyToken=" + token);

        List<String> ids = new ArrayList<>();
        view.path("programmes").forEach(programme -> ids.add(programme.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(phase1, phase2, children);
        assertThat(ids.indexOf(phase2)).isEqualTo(ids.indexOf(phase1) + 1);
        assertThat(view.path("programmes").get(ids.indexOf(phase2)).path("follows").asText()).isEqualTo(phase1);
        // each programme's target is 4,000,000 (effective 2021-04-01) and none has savings yet
        List<String> directorates = new ArrayList<>();
        view.path("byDirectorate").forEach(line -> directorates.add(line.path("directorate").asText() + " "
                + decimal(line.path("savingsTarget")) + " " + decimal(line.path("planned"))));
        assertThat(directorates).containsExactly("Adults and Health 4000000.00 0.00", "Children 4000000.00 0.00",
                "NOT_SET 4000000.00 0.00");
    }

    private String launch(String name, String firstYear, String lastYear, String more) {
        return """
                {"organisation": "%s", "name": "%s", "savingsTarget": 4000000, "firstYear": "%s", "lastYear": "%s",
                 "effectiveDate": "2021-04-01"%s}""".formatted(organisation, name, firstYear, lastYear, more);
    }

    private static String money(String amount, String source, String effectiveDate, String more) {
        return """
                {"amount": %s, %s"reason": "Cabinet decision", "effectiveDate": "%s"%s}""".formatted(amount,
                source == null ? "" : "\"source\": \"" + source + "\", ", effectiveDate, more);
    }

    private static List<String> sources(JsonNode summary) {
        List<String> lines = new ArrayList<>();
        summary.path("bySource").fields().forEachRemaining(source -> lines.add(source.getKey() + " "
                + decimal(source.getValue().path("approved")) + " " + decimal(source.getValue().path("pending")) + " "
                + decimal(source.getValue().path("drawn"))));
        return lines;
    }

    private static String decimal(JsonNode value) {
        return value.decimalValue().setScale(2).toPlainString();
    }

    private List<JsonNode> bi(String dataset, String query) {
        ApiClient.Reply reply = api.get("/api/bi/" + dataset + ".jsonl?programme=" + phase2 + "&consistencyToken="
                + token + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return ExtractRows.jsonLines(reply.body());
    }

    private String summaryPath() {
        return "/api/programmes/" + phase2 + "?consistencyToken=" + token;
    }

    private String path(String command) {
        return "/api/programmes/" + phase2 + "/" + command;
    }

    private String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        token = reply.json().path("consistencyToken").asText();
        return reply.id();
    }

    private void accepted(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        token = reply.json().path("consistencyToken").asText();
    }

    private static void refused(ApiClient.Reply reply, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("rule").asText()).isEqualTo(rule);
    }

    private static void invalid(ApiClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(reply.toString()).contains(field);
    }

    private JsonNode read(String path) {
        ApiClient.Reply reply = api.get(path);
        assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(200);
        return reply.json();
    }
}
