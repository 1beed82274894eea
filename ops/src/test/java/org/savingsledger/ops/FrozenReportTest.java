package org.savingsledger.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.ReportView;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.reading.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A position report's figures are those the ledger knew at its {@code presentedAt}, counting changes
 * effective by that day (docs/read-side.md): recomputed from the facts, bypassing the bytes kept in
 * {@code frozen_reports}, they equal the kept bytes whatever was recorded since — later changes, a
 * change recorded later but effective before the meeting, a rebuild of the read models — and a report
 * served for the first time only after all that is kept with those figures, not today's.
 *
 * <p>The recomputation is the query side's own {@link CommitteeQueries#report}, serialised by the HTTP
 * {@link ObjectMapper} as the controller does; the programmes' figures are also read through the
 * public API as at {@code presentedAt}, and from the {@code committee_reports} dataset, which
 * computes reports and keeps nothing.
 */
@AllInOneTest
class FrozenReportTest {

    private static final String MEETING = "2018-03-12";

    @LocalServerPort
    int port;

    @Autowired
    ReadModelGenerations generations;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    String token;
    String organisation;
    String programme;
    String confident;
    String stretch;
    String committee;

    /**
     * A programme of two savings in an organisation of its own, its first saving with more than one
     * bucket of facts (so the position at presentation starts from a checkpoint), overseen by a committee.
     */
    @BeforeEach
    void aProgrammeWithTwoSavingsOverseenByACommittee() {
        api = new ApiClient(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        organisation = "frozen-" + run;
        api.withOrganisation(organisation);
        programme = created(api.post("/api/programmes", """
                {"id": "frozen-programme-%s", "organisation": "%s", "name": "Frozen figures", "savingsTarget": 5000000,
                 "firstYear": "2018/19", "lastYear": "2020/21", "effectiveDate": "2018-02-01"}""".formatted(run, organisation)));
        confident = created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "frozen-confident-%s", "title": "Reablement", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 1000000, "2019/20": 2000000, "2020/21": 1500000}, "effectiveDate": "2018-02-01"}"""
                .formatted(run)));
        for (int i = 0; i < 11; i++) {
            ok(api.post("/api/savings/" + confident + "/deliveries", """
                    {"year": "2018/19", "amount": 100.00, "reason": "weekly outturn", "effectiveDate": "2018-02-%02d"}"""
                    .formatted(i + 2)));
        }
        ok(api.post("/api/savings/" + confident + "/slips", """
                {"fromYear": "2018/19", "toYear": "2020/21", "amount": 300000, "reason": "Newton: at risk",
                 "effectiveDate": "2018-02-20"}"""));
        stretch = created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "frozen-stretch-%s", "title": "Supported living", "confidence": "STRETCH", "stage": "CONCEPT",
                 "profile": {"2019/20": 250000.50}, "effectiveDate": "2018-02-01"}""".formatted(run)));
        committee = created(api.post("/api/committees", """
                {"id": "frozen-committee-%s", "organisation": "%s", "name": "ASC&PH"}""".formatted(run, organisation)));
        ok(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
    }

    @Test
    void recomputedAsAtItsPresentationAReportEqualsItsKeptBytesAfterLaterAndBackdatedChanges() {
        String served = present("served at once");
        String firstServedLater = present("first served after the changes");
        ApiClient.Reply atPresentation = api.get(served + "?consistencyToken=" + token);
        assertThat(atPresentation.status()).as(atPresentation.toString()).isEqualTo(200);
        String kept = atPresentation.body();
        assertFiguresAsPresented(atPresentation.json());
        assertRecomputedEquals(served, kept);

        // (a) later changes to every figure the report shows
        changeEverythingLater();
        assertRecomputedEquals(served, kept);
        // (b) a change recorded now but effective before the meeting: the ledger did not know it then
        ok(api.post("/api/savings/" + confident + "/deliveries", """
                {"year": "2018/19", "amount": 70000, "reason": "February outturn, recorded late", "effectiveDate": "2018-03-01"}"""));
        ok(api.post("/api/savings/" + confident + "/profile", """
                {"profile": {"2018/19": 600000, "2019/20": 2000000, "2020/21": 1900000}, "reason": "Re-profiled, recorded late",
                 "effectiveDate": "2018-01-15"}"""));
        JsonNode now = read("/api/programmes/" + programme);
        // 11 x 100.00 - 100.00 corrected + 70,000 recorded late
        assertThat(year(now, "2018/19").path("delivered").decimalValue()).isEqualByComparingTo("71000.00");
        // the profile revised to 600,000 and the saving proposed later, 42
        assertThat(year(now, "2018/19").path("planned").decimalValue()).isEqualByComparingTo("600042.00");
        assertThat(read("/api/programmes/" + programme + "?effectiveOn=" + MEETING).path("years").get(0).path("delivered")
                .decimalValue()).as("effective before the meeting, so counted on its date").isEqualByComparingTo("71100.00");
        assertRecomputedEquals(served, kept);
        assertThat(api.get(served).body()).isEqualTo(kept);

        // (d) served for the first time only now: kept with the figures of its presentation, not today's
        ApiClient.Reply first = api.get(firstServedLater + "?consistencyToken=" + token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("title").asText()).isEqualTo("first served after the changes");
        assertFiguresAsPresented(first.json());
        assertRecomputedEquals(firstServedLater, first.body());
    }

    @Test
    void aRebuildOfTheReadModelsRecomputesTheKeptBytesAndAReportFirstServedAfterItKeepsItsPresentedFigures() {
        String served = present("served at once");
        String firstServedAfterRebuild = present("first served after the rebuild");
        ApiClient.Reply atPresentation = api.get(served + "?consistencyToken=" + token);
        String kept = atPresentation.body();
        assertFiguresAsPresented(atPresentation.json());
        changeEverythingLater();
        ok(api.post("/api/savings/" + confident + "/deliveries", """
                {"year": "2018/19", "amount": 70000, "reason": "February outturn, recorded late", "effectiveDate": "2018-03-01"}"""));
        read("/api/programmes/" + programme);

        // (c) the read models rebuilt from the event store into new generations
        rebuildTheReadModels();

        assertRecomputedEquals(served, kept);
        assertThat(api.get(served).body()).isEqualTo(kept);
        ApiClient.Reply first = api.get(firstServedAfterRebuild);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertFiguresAsPresented(first.json());
        assertRecomputedEquals(firstServedAfterRebuild, first.body());
    }

    /**
     * The figures at presentation, worked out by hand. Reablement: 1,000,000 / 2,000,000 / 1,500,000,
     * 300,000 slipped from 2018/19 to 2020/21, so 700,000 / 2,000,000 / 1,800,000, and 11 deliveries of
     * 100.00 in 2018/19; supported living (stretch, concept): 250,000.50 in 2019/20.
     */
    private static void assertFiguresAsPresented(JsonNode report) {
        assertThat(report.path("meetingDate").asText()).isEqualTo(MEETING);
        assertThat(report.path("programmes")).hasSize(1);
        JsonNode p = report.path("programmes").get(0);
        assertThat(p.path("savingsTarget").decimalValue()).isEqualByComparingTo("5000000.00");
        assertThat(p.path("budgetApproved").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(p.path("costDrawnDown").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(figures(p.path("years"))).containsExactly(
                // year, planned, delivered, slipped in, slipped out, cumulative planned, cumulative delivered
                "2018/19 700000.00 1100.00 0.00 300000.00 700000.00 1100.00",
                "2019/20 2250000.50 0.00 0.00 0.00 2950000.50 1100.00",
                "2020/21 1800000.00 0.00 300000.00 0.00 4750000.50 1100.00");
        assertThat(p.path("totals").path("planned").decimalValue()).isEqualByComparingTo("4750000.50");
        assertThat(p.path("totals").path("delivered").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(p.path("totals").path("gapToTarget").decimalValue()).isEqualByComparingTo("249999.50");
        assertThat(money(p.path("byConfidence"))).containsEntry("CONFIDENT", "4500000.00").containsEntry("STRETCH", "250000.50");
        assertThat(money(p.path("byStage"))).containsEntry("IN_DELIVERY", "4500000.00").containsEntry("CONCEPT", "250000.50")
                .containsEntry("BUSINESS_CASE", "0.00").containsEntry("DELIVERED", "0.00");
        assertThat(money(p.path("byRag"))).containsEntry("NOT_SET", "4750000.50").containsEntry("AMBER", "0.00");
        assertThat(p.path("savingsCount").asInt()).isEqualTo(2);
        assertThat(p.path("withdrawnSavingsCount").asInt()).isZero();
    }

    /**
     * After the reports: every figure they show changes, and the savings' histories grow by more
     * than a bucket of facts (so checkpoints are written that hold facts the reports must not see).
     */
    private void changeEverythingLater() {
        for (int i = 0; i < 12; i++) {
            ok(api.post("/api/savings/" + confident + "/deliveries",
                    "{\"year\": \"2019/20\", \"amount\": 10.00, \"reason\": \"weekly outturn\"}"));
        }
        ok(api.post("/api/savings/" + confident + "/bring-forwards",
                "{\"fromYear\": \"2020/21\", \"toYear\": \"2019/20\", \"amount\": 100000, \"reason\": \"ahead of plan\"}"));
        ok(api.post("/api/savings/" + confident + "/delivery-corrections",
                "{\"year\": \"2018/19\", \"amount\": -100.00, \"reason\": \"double counted\"}"));
        ok(api.post("/api/savings/" + confident + "/rag", "{\"status\": \"AMBER\", \"reason\": \"at risk\"}"));
        ok(api.post("/api/savings/" + confident + "/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"done\"}"));
        ok(api.post("/api/savings/" + stretch + "/withdrawal", "{\"reason\": \"superseded\"}"));
        ok(api.post("/api/programmes/" + programme + "/target", "{\"savingsTarget\": 6000000, \"reason\": \"MTFS\"}"));
        ok(api.post("/api/programmes/" + programme + "/budget-approvals", "{\"amount\": 10000, \"reason\": \"posts\"}"));
        ok(api.post("/api/programmes/" + programme + "/cost-drawdowns", "{\"amount\": 2500, \"reason\": \"posts\"}"));
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"title": "Proposed later", "confidence": "CONFIDENT", "stage": "CONCEPT", "profile": {"2018/19": 42}}"""));
        JsonNode now = read("/api/programmes/" + programme);
        assertThat(now.path("savingsCount").asInt()).isEqualTo(2);
        assertThat(now.path("withdrawnSavingsCount").asInt()).isEqualTo(1);
        assertThat(now.path("totals").path("delivered").decimalValue()).isEqualByComparingTo("1120.00");
    }

    /**
     * The report recomputed now, bypassing the kept bytes: by the query side's own code, and its
     * programmes through the API as at {@code presentedAt} effective that day and through the
     * {@code committee_reports} dataset.
     */
    private void assertRecomputedEquals(String reportPath, String kept) {
        String reportId = reportPath.substring(reportPath.lastIndexOf('/') + 1);
        ReportView recomputed = new CommitteeQueries(generations.reading(), Visibility.allOrganisations())
                .report(committee, reportId, Instant.now()).orElseThrow();
        assertThat(serialised(recomputed)).isEqualTo(kept);

        JsonNode report = parse(kept);
        Instant presentedAt = Instant.parse(report.path("presentedAt").asText());
        LocalDate figuresEffectiveOn = LocalDate.ofInstant(presentedAt, CouncilTime.LONDON);
        for (JsonNode presented : report.path("programmes")) {
            JsonNode asAtPresentation = read("/api/programmes/" + presented.path("id").asText() + "?asAt=" + presentedAt
                    + "&effectiveOn=" + figuresEffectiveOn);
            assertThat(asAtPresentation).isEqualTo(presented);
        }
        List<String> rows = new ArrayList<>();
        api.get("/api/bi/committee_reports.jsonl?programme=" + programme + "&consistencyToken=" + token).body().lines()
                .map(FrozenReportTest::parse).filter(row -> row.path("report_id").asText().equals(reportId))
                .forEach(row -> rows.add(row.path("year").asText() + " " + plain(row.path("planned")) + " "
                        + plain(row.path("delivered")) + " " + plain(row.path("cumulative_planned")) + " "
                        + plain(row.path("cumulative_delivered"))));
        List<String> expected = new ArrayList<>();
        report.path("programmes").get(0).path("years").forEach(y -> expected.add(y.path("year").asText() + " "
                + plain(y.path("planned")) + " " + plain(y.path("delivered")) + " " + plain(y.path("cumulativePlanned"))
                + " " + plain(y.path("cumulativeDelivered"))));
        assertThat(rows).isEqualTo(expected);
    }

    private void rebuildTheReadModels() {
        await().atMost(Duration.ofSeconds(120)).until(() -> readModels().stream().allMatch(m -> m.path("rebuild").isNull()));
        Map<String, Integer> before = new LinkedHashMap<>();
        readModels().forEach(m -> before.put(m.path("name").asText(), m.path("activeGeneration").asInt()));
        ApiClient.Reply started = api.post("/admin/read-models/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> readModels().stream()
                .allMatch(m -> m.path("rebuild").isNull()
                        && m.path("activeGeneration").asInt() > before.get(m.path("name").asText())));
        assertThat(readModels()).allSatisfy(m ->
                assertThat(m.path("lastRebuild").path("outcome").asText()).isEqualTo("COMPLETED"));
    }

    private List<JsonNode> readModels() {
        ApiClient.Reply reply = api.get("/admin/read-models");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonNode> models = new ArrayList<>();
        reply.json().path("readModels").forEach(models::add);
        return models;
    }

    private String present(String title) {
        ApiClient.Reply presented = api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"" + MEETING + "\", \"title\": \"" + title + "\"}");
        created(presented);
        return "/api/committees/" + committee + "/reports/" + presented.id();
    }

    private String serialised(ReportView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        return new ApiClient.Reply(200, "", null, body, null).json();
    }

    private JsonNode read(String path) {
        String withToken = path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token;
        ApiClient.Reply reply = api.get(withToken);
        assertThat(reply.status()).as(withToken + " -> " + reply).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode year(JsonNode programme, String year) {
        for (JsonNode line : programme.path("years")) {
            if (line.path("year").asText().equals(year)) {
                return line;
            }
        }
        throw new AssertionError("no year " + year + " in " + programme);
    }

    private static List<String> figures(JsonNode years) {
        List<String> lines = new ArrayList<>();
        years.forEach(y -> lines.add(String.join(" ", y.path("year").asText(), plain(y.path("planned")),
                plain(y.path("delivered")), plain(y.path("slippedIn")), plain(y.path("slippedOut")),
                plain(y.path("cumulativePlanned")), plain(y.path("cumulativeDelivered")))));
        return lines;
    }

    private static Map<String, String> money(JsonNode byKey) {
        Map<String, String> amounts = new LinkedHashMap<>();
        byKey.fields().forEachRemaining(e -> amounts.put(e.getKey(), plain(e.getValue())));
        return amounts;
    }

    private static String plain(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    private String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        token = reply.json().path("consistencyToken").asText();
        return reply.id();
    }

    private void ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        token = reply.json().path("consistencyToken").asText();
    }

}
