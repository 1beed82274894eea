package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.savingsledger.ops.ExtractRows.money;
import static org.savingsledger.ops.ExtractRows.pick;

/**
 * What councils' reports say of savings beyond money, over HTTP: recurrence, category, workstream totals
 * and posts (FTE). A programme of 2016/17–2019/20 (effective 2016-04-01) with three savings, all effective
 * 2016-04-01:
 * <ul>
 *   <li>S1 "Libraries redesign", workstream Communities, COST_REDUCTION, RECURRING: £900,000 in 2016/17 and
 *       £600,000 in 2017/18; posts 12.5 in 2016/17 and 4 in 2017/18; delivered £800,000 and 10.25 posts in
 *       2016/17 (effective 2017-03-31), the posts corrected by −0.25 (effective 2017-03-31);</li>
 *   <li>S2 "Trading standards fees", workstream Communities, INCOME_GENERATION, ONE_OFF: £250,000 in 2016/17;
 *       reclassified as COST_AVOIDANCE effective 2017-06-01;</li>
 *   <li>S3 "Home care demand", no workstream, no category, no recurrence (so RECURRING): £1,000,000 in 2017/18.</li>
 * </ul>
 */
@AllInOneTest
class SavingConceptsHttpTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String organisation;
    String programme;
    String s1;
    String s2;
    String s3;
    String token;
    Instant beforeReclassification;

    @BeforeEach
    void proposeAndRecord() {
        api = new ApiClient(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        organisation = "concepts-" + run;
        api.withOrganisation(organisation);
        programme = "concepts-tp-" + run;
        s1 = "concepts-s1-" + run;
        s2 = "concepts-s2-" + run;
        s3 = "concepts-s3-" + run;
        ok(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Transformation Programme", "savingsTarget": 35400000,
                 "firstYear": "2016/17", "lastYear": "2019/20", "effectiveDate": "2016-04-01"}"""
                .formatted(programme, organisation)));
        ok(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Libraries redesign", "workstream": "Communities", "confidence": "CONFIDENT",
                 "stage": "IN_DELIVERY", "profile": {"2016/17": 900000, "2017/18": 600000},
                 "recurrence": "RECURRING", "category": "COST_REDUCTION", "posts": {"2016/17": 12.5, "2017-18": 4},
                 "effectiveDate": "2016-04-01"}""".formatted(s1)));
        ok(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Trading standards fees", "workstream": "Communities", "confidence": "STRETCH",
                 "stage": "BUSINESS_CASE", "profile": {"2016/17": 250000}, "recurrence": "ONE_OFF",
                 "category": "INCOME_GENERATION", "effectiveDate": "2016-04-01"}""".formatted(s2)));
        ok(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Home care demand", "confidence": "CONFIDENT", "stage": "CONCEPT",
                 "profile": {"2017/18": 1000000}, "effectiveDate": "2016-04-01"}""".formatted(s3)));
        ok(api.post("/api/savings/" + s1 + "/deliveries", """
                {"year": "2016/17", "amount": 800000, "reason": "outturn", "effectiveDate": "2017-03-31"}"""));
        ok(api.post("/api/savings/" + s1 + "/posts-deliveries", """
                {"year": "2016/17", "posts": 10.25, "reason": "restructure", "effectiveDate": "2017-03-31"}"""));
        ok(api.post("/api/savings/" + s1 + "/posts-delivery-corrections", """
                {"year": "2016/17", "posts": -0.25, "reason": "one post counted twice", "effectiveDate": "2017-03-31"}"""));
        ok(api.post("/api/savings/" + s2 + "/classification", """
                {"category": "COST_AVOIDANCE", "reason": "fees hold off a rise in cost", "effectiveDate": "2017-06-01"}"""));
        // the instant just before the reclassification was recorded, from its own history entry
        JsonNode history = get("/api/savings/" + s2 + "/history");
        beforeReclassification = Instant.parse(history.path(history.size() - 1).path("recordedAt").asText()).minusMillis(1);
    }

    @Test
    void theSummaryTotalsByCategoryAndWorkstreamAndCountsPostsPerYear() {
        JsonNode summary = get("/api/programmes/" + programme);
        // planned 900,000 + 600,000 + 250,000 + 1,000,000 = 2,750,000; delivered 800,000
        assertThat(money(summary.path("totals"), "planned")).isEqualTo("2750000.00");
        assertThat(money(summary.path("totals"), "delivered")).isEqualTo("800000.00");
        assertThat(figures(summary.path("byCategory"))).containsExactly("COST_REDUCTION 1500000.00",
                "INCOME_GENERATION 0.00", "COST_AVOIDANCE 250000.00", "NOT_SET 1000000.00");
        List<String> workstreams = new ArrayList<>();
        summary.path("byWorkstream").fields().forEachRemaining(e -> workstreams.add(e.getKey() + " "
                + money(e.getValue(), "planned") + " " + money(e.getValue(), "delivered")));
        assertThat(workstreams).containsExactly("Communities 1750000.00 800000.00", "NOT_SET 1000000.00 0.00");
        // posts: 2016/17 12.50 planned, 10.25 − 0.25 = 10.00 delivered; 2017/18 4.00 planned
        assertThat(posts(summary)).containsExactly("2016/17 12.50 10.00", "2017/18 4.00 0.00", "2018/19 0.00 0.00",
                "2019/20 0.00 0.00");

        JsonNode s1View = get("/api/savings/" + s1);
        assertThat(s1View.path("recurrence").asText()).isEqualTo("RECURRING");
        assertThat(s1View.path("postsPlanned").path("2017/18").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(s1View.path("postsDelivered").path("2016/17").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode s3View = get("/api/savings/" + s3);
        assertThat(s3View.path("recurrence").asText()).isEqualTo("RECURRING");
        assertThat(s3View.path("category").isNull()).isTrue();
    }

    @Test
    void aReclassificationCountsFromWhenItWasRecordedAndWhenItTakesEffect() {
        JsonNode asAtBefore = get("/api/programmes/" + programme + "?asAt=" + beforeReclassification);
        assertThat(figures(asAtBefore.path("byCategory"))).contains("INCOME_GENERATION 250000.00", "COST_AVOIDANCE 0.00");
        JsonNode effectiveBefore = get("/api/programmes/" + programme + "?effectiveOn=2017-05-31");
        assertThat(figures(effectiveBefore.path("byCategory"))).contains("INCOME_GENERATION 250000.00", "COST_AVOIDANCE 0.00");
        JsonNode s2Before = get("/api/savings/" + s2 + "?effectiveOn=2017-05-31");
        assertThat(s2Before.path("category").asText()).isEqualTo("INCOME_GENERATION");
        assertThat(s2Before.path("recurrence").asText()).isEqualTo("ONE_OFF");
        assertThat(get("/api/savings/" + s2).path("category").asText()).isEqualTo("COST_AVOIDANCE");
    }

    @Test
    void postsDeliveredCountOnceEffective() {
        JsonNode before = get("/api/programmes/" + programme + "?effectiveOn=2017-03-30");
        assertThat(posts(before)).startsWith("2016/17 12.50 0.00", "2017/18 4.00 0.00");
        JsonNode history = get("/api/savings/" + s1 + "/history");
        assertThat(history.path(2).path("type").asText()).isEqualTo("SavingPostsDelivered");
        assertThat(history.path(3).path("changes").path(0).path("field").asText()).isEqualTo("postsDelivered");
        assertThat(money(history.path(3).path("changes").path(0), "before")).isEqualTo("10.25");
        assertThat(money(history.path(3).path("changes").path(0), "after")).isEqualTo("10.00");
    }

    @Test
    void theBiExtractsCarryTheSameFigures() {
        String query = "?organisation=" + organisation;
        // savings: … recurrence, category, posts_planned_total, posts_delivered_total
        assertThat(csv("/api/bi/savings.csv" + query)).extracting(row -> pick(row, 2, 4, 14, 15, 16, 17)).containsExactly(
                s1 + " Communities RECURRING COST_REDUCTION 16.50 10.00",
                s2 + " Communities ONE_OFF COST_AVOIDANCE 0.00 0.00",
                s3 + "  RECURRING  0.00 0.00");
        assertThat(csv("/api/bi/saving_years.csv" + query)).extracting(row -> pick(row, 2, 3, 9, 10)).startsWith(
                s1 + " 2016/17 12.50 10.00", s1 + " 2017/18 4.00 0.00");
        assertThat(csv("/api/bi/workstreams.csv" + query)).containsExactly(
                organisation + "," + programme + ",Communities,1750000.00,800000.00",
                organisation + "," + programme + ",NOT_SET,1000000.00,0.00");
        assertThat(csv("/api/bi/changes.csv" + query)).extracting(row -> pick(row, 2, 4, 5, 6, 7, 8))
                .contains(s1 + " SavingProposed 2016/17 postsPlanned 0.00 12.50",
                        s1 + " SavingPostsDeliveryCorrected 2016/17 postsDelivered 10.25 10.00");
        // as at before the reclassification, the category as it was
        assertThat(csv("/api/bi/savings.csv" + query + "&asAt=" + beforeReclassification))
                .extracting(row -> pick(row, 2, 15)).contains(s2 + " INCOME_GENERATION");
    }

    @Test
    void badValuesAreRefusedAndWriteNothing() {
        assertThat(api.post("/api/savings/" + s1 + "/classification", """
                {"reason": "nothing to change"}""").status()).isEqualTo(400);
        assertThat(api.post("/api/savings/" + s1 + "/classification", """
                {"category": "SAVING", "reason": "no such category"}""").status()).isEqualTo(400);
        assertThat(api.post("/api/savings/" + s1 + "/posts-deliveries", """
                {"year": "2016/17", "posts": 1.005, "reason": "three places"}""").status()).isEqualTo(400);
        assertThat(api.post("/api/savings/" + s1 + "/posts-deliveries", """
                {"year": "2016/17", "posts": "1", "reason": "a string"}""").status()).isEqualTo(400);
        assertThat(api.post("/api/savings/" + s1 + "/posts", """
                {"posts": {"2016/17": 1, "2016-17": 2}, "reason": "one year twice"}""").status()).isEqualTo(400);
        assertThat(api.post("/api/savings/" + s1 + "/posts", """
                {"posts": {"2016/17": -1}, "reason": "negative"}""").status()).isEqualTo(400);
        ApiClient.Reply belowZero = api.post("/api/savings/" + s1 + "/posts-delivery-corrections", """
                {"year": "2016/17", "posts": -10.01, "reason": "too far"}""");
        assertThat(belowZero.status()).isEqualTo(422);
        assertThat(belowZero.body()).contains("delivered-never-negative");
        assertThat(get("/api/savings/" + s1).path("version").asLong()).isEqualTo(3);
    }

    private static List<String> figures(JsonNode map) {
        List<String> figures = new ArrayList<>();
        map.fields().forEachRemaining(e -> figures.add(e.getKey() + " " + new BigDecimal(e.getValue().asText())
                .setScale(2).toPlainString()));
        return figures;
    }

    private static List<String> posts(JsonNode summary) {
        List<String> years = new ArrayList<>();
        summary.path("years").forEach(y -> years.add(y.path("year").asText() + " " + money(y, "postsPlanned") + " "
                + money(y, "postsDelivered")));
        return years;
    }

    private JsonNode get(String path) {
        ApiClient.Reply reply = api.get(path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The data rows of a CSV extract (none of its fields here holds a comma or a quote). */
    private List<String> csv(String path) {
        ApiClient.Reply reply = api.get(path + "&consistencyToken=" + token);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        return ExtractRows.dataRows(reply.body());
    }

    private void ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        token = reply.json().path("consistencyToken").asText();
    }
}
