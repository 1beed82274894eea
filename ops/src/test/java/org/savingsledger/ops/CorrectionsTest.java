package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections and amendments over HTTP: each is recorded with its reason, actor and effective date, and the programme
 * summary, the saving, its history, a report's changes and the BI datasets show the corrected figures — and as at
 * before the correction (or effective on a day before its effective date) the old ones. A refused one writes nothing.
 */
@AllInOneTest
class CorrectionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String organisation;
    String programme;
    String token;

    @BeforeEach
    void aProgrammeInAnOrganisationOfItsOwn() {
        api = new ApiClient(port);
        organisation = "county-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        programme = created(api.post("/api/programmes", """
                {"organisation": "%s", "name": "Transformation Programme", "description": "2018-2022 MTFS",
                 "savingsTarget": 17981000, "firstYear": "2018/19", "lastYear": "2021/22",
                 "effectiveDate": "2018-02-26"}""".formatted(organisation)));
    }

    @Test
    void aBudgetTypedAsPoundsForMillionsIsCorrectedAndADrawdownReversed() {
        accepted(api.post(programmePath("budget-approvals"), amount("4910", "Cabinet approval", "2018-03-01")));
        accepted(api.post(programmePath("cost-drawdowns"), amount("250000", "Q1 costs", "2018-05-01")));
        read(summaryPath());
        Instant beforeCorrections = Instant.now();

        // 4,910 was typed for 4.91m: +4,905,090; 50,000 of the drawdown was another programme's
        ApiClient.Reply budget = api.post(programmePath("budget-corrections"), amount("4905090", "£4.91m typed as £4,910",
                "2018-04-01"));
        accepted(budget);
        assertThat(budget.version()).isEqualTo(3);
        accepted(api.post(programmePath("cost-drawdown-corrections"), amount("-50000", "Charged to the wrong programme",
                "2018-06-01")));

        JsonNode summary = read(summaryPath());
        assertThat(summary.path("budgetApproved").decimalValue()).isEqualByComparingTo("4910000.00");
        assertThat(summary.path("costDrawnDown").decimalValue()).isEqualByComparingTo("200000.00");
        JsonNode before = read(summaryPath() + "&asAt=" + beforeCorrections);
        assertThat(before.path("budgetApproved").decimalValue()).isEqualByComparingTo("4910.00");
        assertThat(before.path("costDrawnDown").decimalValue()).isEqualByComparingTo("250000.00");
        JsonNode effectiveBefore = read(summaryPath() + "&effectiveOn=2018-03-31");
        assertThat(effectiveBefore.path("budgetApproved").decimalValue()).isEqualByComparingTo("4910.00");
        assertThat(effectiveBefore.path("costDrawnDown").decimalValue()).isEqualByComparingTo("0.00");

        assertThat(changeRows()).containsExactly(
                "ProgrammeLaunched savingsTarget 0.00 17981000.00 null",
                "ProgrammeBudgetApproved budgetApproved 0.00 4910.00 Cabinet approval",
                "ProgrammeCostDrawnDown costDrawnDown 0.00 250000.00 Q1 costs",
                "ProgrammeBudgetCorrected budgetApproved 4910.00 4910000.00 £4.91m typed as £4,910",
                "ProgrammeCostDrawdownCorrected costDrawnDown 250000.00 200000.00 Charged to the wrong programme");
        JsonNode row = bi("programmes").get(0);
        assertThat(row.path("budget_approved").decimalValue()).isEqualByComparingTo("4910000.00");
        assertThat(row.path("cost_drawn_down").decimalValue()).isEqualByComparingTo("200000.00");
    }

    @Test
    void aCorrectionBelowZeroOrOfNothingIsRefusedAndWritesNothing() {
        accepted(api.post(programmePath("budget-approvals"), amount("4910", "Cabinet approval", "2018-03-01")));
        accepted(api.post(programmePath("cost-drawdowns"), amount("1000", "Q1 costs", "2018-05-01")));
        List<String> rowsBefore = changeRows();

        refused(api.post(programmePath("budget-corrections"), amount("-4910.01", "Reduced", "2018-04-01")),
                "approved-budget-never-negative");
        refused(api.post(programmePath("cost-drawdown-corrections"), amount("-1000.01", "Reversed", "2018-06-01")),
                "cost-drawn-down-never-negative");
        invalid(api.post(programmePath("budget-corrections"), amount("0", "Nothing", "2018-04-01")), "amount");
        invalid(api.post(programmePath("cost-drawdown-corrections"), "{\"amount\": -5}"), "reason");
        invalid(api.post(programmePath("budget-corrections"), amount("1.001", "Too precise", "2018-04-01")), "amount");

        JsonNode summary = read(summaryPath());
        assertThat(summary.path("budgetApproved").decimalValue()).isEqualByComparingTo("4910.00");
        assertThat(summary.path("costDrawnDown").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(changeRows()).isEqualTo(rowsBefore);
        // the exact reversal is allowed, and the next version is the one after the last accepted command
        ApiClient.Reply reversal = api.post(programmePath("cost-drawdown-corrections"), amount("-1000", "Reversed", "2018-06-01"));
        accepted(reversal);
        assertThat(reversal.version()).isEqualTo(3);
    }

    @Test
    void aRenameAndANewDescriptionShowFromWhenTheyWereRecorded() {
        String committee = created(api.post("/api/committees", """
                {"organisation": "%s", "name": "Cabinet"}""".formatted(organisation)));
        accepted(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
        String report = created(api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"2018-03-12\", \"title\": \"Position at March 2018\"}"));
        read(summaryPath());
        Instant beforeRename = Instant.now();

        accepted(api.post(programmePath("details"), """
                {"name": "Transformation and Efficiency Programme", "reason": "Renamed by Cabinet",
                 "effectiveDate": "2018-04-01", "decisionRef": "Cabinet 2018-03-27 item 4"}"""));
        accepted(api.post(programmePath("details"), """
                {"description": "2018-2023 MTFS", "reason": "MTFS extended", "effectiveDate": "2018-04-01"}"""));

        JsonNode summary = read(summaryPath());
        assertThat(summary.path("name").asText()).isEqualTo("Transformation and Efficiency Programme");
        assertThat(summary.path("description").asText()).isEqualTo("2018-2023 MTFS");
        JsonNode before = read(summaryPath() + "&asAt=" + beforeRename);
        assertThat(before.path("name").asText()).isEqualTo("Transformation Programme");
        assertThat(before.path("description").asText()).isEqualTo("2018-2022 MTFS");
        assertThat(bi("programmes").get(0).path("name").asText()).isEqualTo("Transformation and Efficiency Programme");

        JsonNode changes = read("/api/committees/" + committee + "/reports/" + report + "/changes?consistencyToken=" + token);
        List<String> since = new ArrayList<>();
        changes.path("history").forEach(entry -> since.add(entry.path("type").asText() + " " + entry.path("actor").asText()
                + " " + entry.path("reason").asText() + " " + entry.path("effectiveDate").asText() + " "
                + entry.path("attributes")));
        assertThat(since).containsExactly(
                "ProgrammeDetailsChanged admin Renamed by Cabinet 2018-04-01 {\"name\":\"Transformation and Efficiency Programme\"}",
                "ProgrammeDetailsChanged admin MTFS extended 2018-04-01 {\"description\":\"2018-2023 MTFS\"}");

        refused(api.post(programmePath("details"), """
                {"name": "Transformation and Efficiency Programme", "description": "new", "reason": "Again"}"""),
                "amendment-changes-each-field");
        invalid(api.post(programmePath("details"), "{\"reason\": \"Nothing to change\"}"), "body");
        invalid(api.post(programmePath("details"), "{\"name\": \"  \", \"reason\": \"Blank\"}"), "name");
        invalid(api.post(programmePath("details"), "{\"name\": \"New name\"}"), "reason");
        assertThat(read(summaryPath()).path("name").asText()).isEqualTo("Transformation and Efficiency Programme");
    }

    @Test
    void aSavingsTitleWorkstreamOwnerAndDescriptionAreAmended() {
        String saving = created(api.post(savingsPath(), proposal("{\"2018/19\": 1000000}")));
        read("/api/savings/" + saving + "?consistencyToken=" + token);
        Instant beforeAmendment = Instant.now();

        ApiClient.Reply amended = api.post("/api/savings/" + saving + "/details", """
                {"title": "Reablement and homecare", "workstream": "Early Resolution", "owner": "Service Director",
                 "description": "Newton phase 2:\\nreablement first", "reason": "New structure from April",
                 "effectiveDate": "2018-04-01"}""");
        accepted(amended);
        assertThat(amended.version()).isEqualTo(1);

        JsonNode view = read("/api/savings/" + saving + "?consistencyToken=" + token);
        assertThat(view.path("title").asText()).isEqualTo("Reablement and homecare");
        assertThat(view.path("workstream").asText()).isEqualTo("Early Resolution");
        assertThat(view.path("owner").asText()).isEqualTo("Service Director");
        assertThat(view.path("description").asText()).isEqualTo("Newton phase 2:\nreablement first");
        JsonNode before = read("/api/savings/" + saving + "?consistencyToken=" + token + "&asAt=" + beforeAmendment);
        assertThat(before.path("title").asText()).isEqualTo("Council savings");
        assertThat(before.path("description").isNull()).isTrue();
        assertThat(read("/api/savings/" + saving + "?consistencyToken=" + token + "&effectiveOn=2018-03-31")
                .path("workstream").asText()).isEqualTo("Promoting Independence");

        JsonNode history = read("/api/savings/" + saving + "/history?consistencyToken=" + token);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("type").asText()).isEqualTo("SavingDetailsChanged");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("New structure from April");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("admin");
        assertThat(history.get(1).path("attributes").path("title").asText()).isEqualTo("Reablement and homecare");
        assertThat(history.get(1).path("attributes").path("owner").asText()).isEqualTo("Service Director");
        JsonNode row = bi("savings").get(0);
        assertThat(row.path("title").asText()).isEqualTo("Reablement and homecare");
        assertThat(row.path("owner").asText()).isEqualTo("Service Director");

        refused(api.post("/api/savings/" + saving + "/details",
                "{\"owner\": \"Service Director\", \"reason\": \"Again\"}"), "amendment-changes-each-field");
        invalid(api.post("/api/savings/" + saving + "/details", "{\"reason\": \"Nothing\"}"), "body");
        invalid(api.post("/api/savings/" + saving + "/details", "{\"title\": \"x\"}"), "reason");
        assertThat(read("/api/savings/" + saving + "/history?consistencyToken=" + token)).hasSize(2);
    }

    @Test
    void aPeriodIsShortenedOnlyPastYearsWithoutMoneyAndTheDirectoryFollowsIt() {
        String s1 = created(api.post(savingsPath(), proposal("{\"2018/19\": 1000, \"2019/20\": 500}")));
        String s2 = created(api.post(savingsPath(), proposal("{\"2021/22\": 300}")));
        accepted(api.post("/api/savings/" + s2 + "/withdrawal", "{\"reason\": \"Not pursued\"}"));
        String s3 = created(api.post(savingsPath(), proposal("{\"2020/21\": 400}")));
        accepted(api.post("/api/savings/" + s3 + "/deliveries", yearAmount("2020/21", "100")));
        accepted(api.post("/api/savings/" + s3 + "/profile",
                "{\"profile\": {\"2019/20\": 400}, \"reason\": \"Brought into 2019/20\"}"));
        read(summaryPath());
        Instant beforePeriodChange = Instant.now();

        // 2020/21 still holds s3's 100 delivered; 2021/22 only the plan of s2, which was withdrawn
        ApiClient.Reply refused = api.post(programmePath("period"), period("2018/19", "2019/20"));
        refused(refused, "period-keeps-years-with-money");
        assertThat(refused.json().path("detail").asText()).contains("in 2020/21").doesNotContain("2021/22");
        assertThat(directoryPeriod()).isEqualTo("2018 2021");
        assertThat(read(summaryPath()).path("lastYear").asText()).isEqualTo("2021/22");

        accepted(api.post("/api/savings/" + s3 + "/delivery-corrections", yearAmount("2020/21", "-100")));
        accepted(api.post(programmePath("period"), period("2018/19", "2019/20")));

        JsonNode summary = read(summaryPath());
        assertThat(summary.path("firstYear").asText()).isEqualTo("2018/19");
        assertThat(summary.path("lastYear").asText()).isEqualTo("2019/20");
        assertThat(read(summaryPath() + "&asAt=" + beforePeriodChange).path("lastYear").asText()).isEqualTo("2021/22");
        assertThat(read(summaryPath() + "&effectiveOn=2018-03-31").path("lastYear").asText()).isEqualTo("2021/22");
        assertThat(bi("programmes").get(0).path("last_year").asText()).isEqualTo("2019/20");
        assertThat(directoryPeriod()).isEqualTo("2018 2019");
        // savings' years are now checked against the new period
        refused(api.post(savingsPath(), proposal("{\"2020/21\": 1}")), "years-within-programme-period");
        refused(api.post("/api/savings/" + s1 + "/slips", """
                {"fromYear": "2019/20", "toYear": "2020/21", "amount": 1, "reason": "Slipped"}"""),
                "years-within-programme-period");
        // the first year holds s1's plan
        refused(api.post(programmePath("period"), period("2019/20", "2019/20")), "period-keeps-years-with-money");
        refused(api.post(programmePath("period"), period("2018/19", "2019/20")), "amendment-changes-each-field");
        invalid(api.post(programmePath("period"), period("2019/20", "2018/19")), "lastYear");

        accepted(api.post(programmePath("period"), period("2017/18", "2022/23")));
        accepted(api.post("/api/savings/" + s1 + "/deliveries", yearAmount("2022/23", "7.50")));
        assertThat(directoryPeriod()).isEqualTo("2017 2022");
        JsonNode extended = read(summaryPath());
        assertThat(extended.path("firstYear").asText()).isEqualTo("2017/18");
        assertThat(extended.path("totals").path("delivered").decimalValue()).isEqualByComparingTo("7.50");
    }

    // ---------------------------------------------------------------------------------------------

    private String directoryPeriod() {
        return jdbc.queryForObject("select first_year || ' ' || last_year from ledger_directory where id = ?",
                String.class, programme);
    }

    /** The programme's own rows of the BI {@code changes} dataset: event type, field, before, after and reason. */
    private List<String> changeRows() {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : bi("changes")) {
            if (row.path("saving_id").isNull()) {
                rows.add(row.path("event_type").asText() + " " + row.path("field").asText() + " "
                        + row.path("before").decimalValue().setScale(2).toPlainString() + " "
                        + row.path("after").decimalValue().setScale(2).toPlainString() + " " + row.path("reason").asText());
            }
        }
        return rows;
    }

    private List<JsonNode> bi(String dataset) {
        ApiClient.Reply reply = api.get("/api/bi/" + dataset + ".jsonl?programme=" + programme + "&consistencyToken=" + token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return ExtractRows.jsonLines(reply.body());
    }

    private String summaryPath() {
        return "/api/programmes/" + programme + "?consistencyToken=" + token;
    }

    private String programmePath(String command) {
        return "/api/programmes/" + programme + "/" + command;
    }

    private String savingsPath() {
        return "/api/programmes/" + programme + "/savings";
    }

    private static String amount(String amount, String reason, String effectiveDate) {
        return """
                {"amount": %s, "reason": "%s", "effectiveDate": "%s"}""".formatted(amount, reason, effectiveDate);
    }

    private static String period(String first, String last) {
        return """
                {"firstYear": "%s", "lastYear": "%s", "reason": "MTFS refresh", "effectiveDate": "2018-04-01"}"""
                .formatted(first, last);
    }

    private static String proposal(String profile) {
        return """
                {"title": "Council savings", "workstream": "Promoting Independence", "confidence": "CONFIDENT",
                 "stage": "IN_DELIVERY", "effectiveDate": "2018-02-26", "profile": %s}""".formatted(profile);
    }

    private static String yearAmount(String year, String amount) {
        return "{\"year\": \"" + year + "\", \"amount\": " + amount + ", \"reason\": \"Outturn\"}";
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
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:rule:" + rule);
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
