package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.reading.CouncilTime;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.savingsledger.ops.ExtractRows.money;
import static org.savingsledger.ops.ExtractRows.pick;

/**
 * A council adopting the ledger loads years of its history today, from its trackers and committee
 * papers: a programme of 2009 with its savings, budgets, drawdowns, deliveries and a slip, a committee
 * and two position reports of meetings in 2009 and 2011 — every command sent today with its real
 * effective date — and a second programme sent without one, as the README does. Every figure of both
 * reports, of the views effective on the meeting dates and of the BI extracts is worked out by hand
 * below (docs/read-side.md, "Existence follows recording", has the same example in short).
 *
 * <p>The history, effective dates in brackets:
 * <ul>
 *   <li>programme P: target £10,000,000, 2009/10–2011/12 (2009-04-01); budgets £400,000 (2009-06-15)
 *       and £500,000 (2010-04-01); drawdowns £150,000 (2009-10-01) and £200,000 (2011-01-31);</li>
 *   <li>saving S1 (2009-04-01): 2009/10 £2,000,000, 2010/11 £3,000,000; delivered in 2009/10 £800,000
 *       (2009-09-30) and £400,000 (2010-03-31); £1,000,000 slipped from 2010/11 to 2011/12 (2010-09-01);</li>
 *   <li>saving S2 (2010-06-01): 2010/11 £1,500,000, 2011/12 £2,500,000; delivered in 2010/11 £600,000
 *       (2010-12-31), and £100,000 (2010-11-30) recorded only after the second report;</li>
 *   <li>report R1 to the meeting of 2009-11-20 (figures effective on the meeting date), recorded
 *       before the 2010 facts; R1 again as "R1b", recorded after them; report R2 to the meeting of
 *       2011-02-14 giving the position at 2010-12-31.</li>
 * </ul>
 */
@AllInOneTest
class CouncilHistoryBackfillTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String organisation;
    String programme;
    String later;
    String s1;
    String s2;
    String committee;
    String token;
    Instant loadStarted;

    @BeforeEach
    void loadTheCouncilsHistory() {
        api = new ApiClient(port);
        loadStarted = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        organisation = "backfill-" + run;
        programme = "backfill-tp-" + run;
        later = "backfill-next-" + run;
        s1 = "backfill-s1-" + run;
        s2 = "backfill-s2-" + run;
        committee = "backfill-cabinet-" + run;
        api.withOrganisation(organisation);

        ok(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Transformation Programme", "savingsTarget": 10000000,
                 "firstYear": "2009/10", "lastYear": "2011/12", "effectiveDate": "2009-04-01",
                 "decisionRef": "Cabinet 2009-03-17 item 6"}""".formatted(programme, organisation)));
        ok(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Shared back office", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2009/10": 2000000, "2010/11": 3000000}, "effectiveDate": "2009-04-01"}""".formatted(s1)));
        ok(api.post("/api/programmes/" + programme + "/budget-approvals",
                amount(400_000, "2009-06-15", "transformation reserve")));
        ok(api.post("/api/programmes/" + programme + "/cost-drawdowns", amount(150_000, "2009-10-01", "consultancy")));
        ok(api.post("/api/savings/" + s1 + "/deliveries", delivery("2009/10", 800_000, "2009-09-30")));
        ok(api.post("/api/committees", """
                {"id": "%s", "organisation": "%s", "name": "Cabinet", "effectiveDate": "2009-04-01"}"""
                .formatted(committee, organisation)));
        ok(api.post("/api/committees/" + committee + "/programmes", """
                {"programmeId": "%s", "effectiveDate": "2009-04-01"}""".formatted(programme)));
        ok(api.post("/api/committees/" + committee + "/reports", """
                {"id": "r1-%s", "meetingDate": "2009-11-20", "title": "Transformation update November 2009"}"""
                .formatted(run)));

        ok(api.post("/api/programmes/" + programme + "/budget-approvals",
                amount(500_000, "2010-04-01", "2010/11 budget")));
        ok(api.post("/api/savings/" + s1 + "/deliveries", delivery("2009/10", 400_000, "2010-03-31")));
        ok(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Customer services channel shift", "confidence": "STRETCH", "stage": "BUSINESS_CASE",
                 "profile": {"2010/11": 1500000, "2011/12": 2500000}, "effectiveDate": "2010-06-01"}""".formatted(s2)));
        ok(api.post("/api/savings/" + s1 + "/slips", """
                {"fromYear": "2010/11", "toYear": "2011/12", "amount": 1000000, "reason": "procurement delayed",
                 "effectiveDate": "2010-09-01"}"""));
        ok(api.post("/api/savings/" + s2 + "/deliveries", delivery("2010/11", 600_000, "2010-12-31")));
        ok(api.post("/api/programmes/" + programme + "/cost-drawdowns", amount(200_000, "2011-01-31", "systems")));
        ok(api.post("/api/committees/" + committee + "/reports", """
                {"id": "r2-%s", "meetingDate": "2011-02-14", "figuresEffectiveOn": "2010-12-31",
                 "title": "Transformation update: position at 31 December 2010"}""".formatted(run)));
        ok(api.post("/api/committees/" + committee + "/reports", """
                {"id": "r1b-%s", "meetingDate": "2009-11-20", "title": "Transformation update November 2009 (re-keyed)"}"""
                .formatted(run)));
        ok(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Next phase", "savingsTarget": 1000000,
                 "firstYear": "2012/13", "lastYear": "2013/14"}""".formatted(later, organisation)));
        // a delivery effective before the second report's date, recorded after it was presented
        ok(api.post("/api/savings/" + s2 + "/deliveries", delivery("2010/11", 100_000, "2010-11-30")));
    }

    @Test
    void theNovember2009ReportShowsWhatWasEffectiveAtTheMeetingAndSoDoesItsReKeyedCopy() {
        for (String report : List.of("r1-", "r1b-")) {
            JsonNode p = report(report).path("programmes").get(0);
            assertThat(report(report).path("figuresEffectiveOn").asText()).isEqualTo("2009-11-20");
            assertThat(p.path("id").asText()).isEqualTo(programme);
            // R1 was recorded before the budget of April 2010; R1b after it, and it still does not count it
            assertFigures(p, "10000000.00",
                "400000.00", "150000.00", "5000000.00", "800000.00", "5000000.00", "4200000.00");
            assertYears(p, List.of(
                    "2009/10 2000000.00 800000.00 0.00 0.00 2000000.00 800000.00 1200000.00",
                    "2010/11 3000000.00 0.00 0.00 0.00 5000000.00 800000.00 3000000.00",
                    "2011/12 0.00 0.00 0.00 0.00 5000000.00 800000.00 0.00"));
            // S2 was recorded before R1b but takes effect in June 2010: it exists, with no money
            assertThat(p.path("savingsCount").asInt()).isEqualTo(report.equals("r1-") ? 1 : 2);
        }
    }

    @Test
    void theFebruary2011ReportGivesThePositionAtItsPeriodEndAsKnownWhenItWasRecorded() {
        JsonNode report = report("r2-");
        assertThat(report.path("meetingDate").asText()).isEqualTo("2011-02-14");
        assertThat(report.path("figuresEffectiveOn").asText()).isEqualTo("2010-12-31");
        JsonNode p = report.path("programmes").get(0);
        // the drawdown of 2011-01-31 falls after the period end; the £100,000 delivery was recorded after the report
        assertFigures(p, "10000000.00",
                "900000.00", "150000.00", "9000000.00", "1800000.00", "1000000.00", "7200000.00");
        assertYears(p, List.of(
                "2009/10 2000000.00 1200000.00 0.00 0.00 2000000.00 1200000.00 800000.00",
                "2010/11 3500000.00 600000.00 0.00 1000000.00 5500000.00 1800000.00 2900000.00",
                "2011/12 3500000.00 0.00 1000000.00 0.00 9000000.00 1800000.00 3500000.00"));
        assertThat(p.path("savingsCount").asInt()).isEqualTo(2);
    }

    @Test
    void theViewsEffectiveOnTheMeetingDatesCountWhatIsKnownNow() {
        JsonNode november2009 = get("/api/programmes/" + programme + "?effectiveOn=2009-11-20");
        assertFigures(november2009, "10000000.00",
                "400000.00", "150000.00", "5000000.00", "800000.00", "5000000.00", "4200000.00");
        assertThat(november2009.path("effectiveFrom").asText()).isEqualTo("2009-04-01");

        // the late delivery of £100,000 (effective 2010-11-30) counts now, though the report did not know it
        JsonNode december2010 = get("/api/programmes/" + programme + "?effectiveOn=2010-12-31");
        assertFigures(december2010, "10000000.00",
                "900000.00", "150000.00", "9000000.00", "1900000.00", "1000000.00", "7100000.00");
        assertYears(december2010, List.of(
                "2009/10 2000000.00 1200000.00 0.00 0.00 2000000.00 1200000.00 800000.00",
                "2010/11 3500000.00 700000.00 0.00 1000000.00 5500000.00 1900000.00 2800000.00",
                "2011/12 3500000.00 0.00 1000000.00 0.00 9000000.00 1900000.00 3500000.00"));

        JsonNode s2Then = get("/api/savings/" + s2 + "?effectiveOn=2009-11-20");
        assertThat(s2Then.path("effectiveFrom").asText()).isEqualTo("2010-06-01");
        assertThat(s2Then.path("profile").size()).isZero();
        assertThat(s2Then.path("title").asText()).isEqualTo("Customer services channel shift");

        JsonNode year = get("/api/years/2010-11?organisation=" + organisation + "&effectiveOn=2010-12-31");
        assertThat(money(year, "planned")).isEqualTo("3500000.00");
        assertThat(money(year, "delivered")).isEqualTo("700000.00");
        assertThat(money(year, "slippedOut")).isEqualTo("1000000.00");
    }

    @Test
    void aProgrammeSentWithoutAnEffectiveDateIsListedAtPastDatesWithNoMoney() {
        JsonNode next = get("/api/programmes/" + later + "?effectiveOn=2009-11-20");
        assertThat(next.path("name").asText()).isEqualTo("Next phase");
        // sent without effectiveDate: effective on the day it was recorded, in London
        assertThat(LocalDate.parse(next.path("effectiveFrom").asText()))
                .isBetween(LocalDate.ofInstant(loadStarted, CouncilTime.LONDON), LocalDate.now(CouncilTime.LONDON));
        assertThat(money(next, "savingsTarget")).isEqualTo("0.00");
        assertThat(money(get("/api/programmes/" + later), "savingsTarget")).isEqualTo("1000000.00");

        JsonNode listed = get("/api/programmes?organisation=" + organisation + "&effectiveOn=2009-11-20");
        assertThat(listed.findValuesAsText("id")).containsExactlyInAnyOrder(programme, later);
    }

    @Test
    void theBiExtractsHoldTheSameFigures() {
        List<String> reports = csv("/api/bi/committee_reports.csv?organisation=" + organisation);
        String run = programme.substring("backfill-tp-".length());
        // report_id, year, planned, delivered, cumulative_planned, cumulative_delivered, figures_effective_on, undelivered
        assertThat(reports.stream().map(row -> pick(row, 3, 8, 9, 10, 11, 12, 13, 14)).toList()).containsExactlyInAnyOrder(
                "r1-" + run + " 2009/10 2000000.00 800000.00 2000000.00 800000.00 2009-11-20 1200000.00",
                "r1-" + run + " 2010/11 3000000.00 0.00 5000000.00 800000.00 2009-11-20 3000000.00",
                "r1-" + run + " 2011/12 0.00 0.00 5000000.00 800000.00 2009-11-20 0.00",
                "r1b-" + run + " 2009/10 2000000.00 800000.00 2000000.00 800000.00 2009-11-20 1200000.00",
                "r1b-" + run + " 2010/11 3000000.00 0.00 5000000.00 800000.00 2009-11-20 3000000.00",
                "r1b-" + run + " 2011/12 0.00 0.00 5000000.00 800000.00 2009-11-20 0.00",
                "r2-" + run + " 2009/10 2000000.00 1200000.00 2000000.00 1200000.00 2010-12-31 800000.00",
                "r2-" + run + " 2010/11 3500000.00 600000.00 5500000.00 1800000.00 2010-12-31 2900000.00",
                "r2-" + run + " 2011/12 3500000.00 0.00 9000000.00 1800000.00 2010-12-31 3500000.00");

        // programme_id, savings_target, budget_approved, cost_drawn_down, planned_total, delivered_total,
        // gap_to_target, savings_count, effective_from, undelivered_total
        List<String> programmes = csv("/api/bi/programmes.csv?organisation=" + organisation + "&effectiveOn=2009-11-20");
        String laterFrom = get("/api/programmes/" + later).path("effectiveFrom").asText();
        assertThat(programmes.stream().map(row -> pick(row, 1, 5, 6, 7, 8, 9, 10, 11, 13, 14)).toList()).containsExactly(
                later + " 0.00 0.00 0.00 0.00 0.00 0.00 0 " + laterFrom + " 0.00",
                programme + " 10000000.00 400000.00 150000.00 5000000.00 800000.00 5000000.00 2 2009-04-01 4200000.00");

        // saving_id, year, planned, delivered, slipped_in, slipped_out
        List<String> years = csv("/api/bi/saving_years.csv?programme=" + programme + "&effectiveOn=2010-12-31");
        assertThat(years.stream().map(row -> pick(row, 2, 3, 4, 5, 6, 7)).toList()).containsExactly(
                s1 + " 2009/10 2000000.00 1200000.00 0.00 0.00",
                s1 + " 2010/11 2000000.00 0.00 0.00 1000000.00",
                s1 + " 2011/12 1000000.00 0.00 1000000.00 0.00",
                s2 + " 2009/10 0.00 0.00 0.00 0.00",
                s2 + " 2010/11 1500000.00 700000.00 0.00 0.00",
                s2 + " 2011/12 2500000.00 0.00 0.00 0.00");
    }

    @Test
    void askingAsAtAnInstantBeforeTheLoadSaysWhenItWasRecorded() {
        ApiClient.Reply programmeThen = api.get("/api/programmes/" + programme + "?asAt=2020-01-01&consistencyToken=" + token);
        assertThat(programmeThen.status()).isEqualTo(404);
        assertThat(programmeThen.contentType()).startsWith("application/problem+json");
        assertThat(programmeThen.json().path("detail").asText()).contains("first recorded it at").contains("effectiveOn");
        assertThat(Instant.parse(programmeThen.json().path("firstRecordedAt").asText()))
                .isBetween(loadStarted, Instant.now());

        ApiClient.Reply report = api.get("/api/committees/" + committee + "/reports/" + reportId("r2-") + "?asAt=2011-02-14"
                + "&consistencyToken=" + token);
        assertThat(report.status()).isEqualTo(404);
        assertThat(report.json().path("firstRecordedAt").isTextual()).isTrue();

        ApiClient.Reply extract = api.get("/api/bi/programmes.csv?organisation=" + organisation + "&asAt=2020-01-01&consistencyToken="
                + token);
        assertThat(extract.status()).isEqualTo(200);
        assertThat(extract.body().split("\r\n")).hasSize(1);
        assertThat(extract.header("Ledger-Not-Yet-Recorded")).startsWith("2 programmes of this selection first recorded "
                + "after asAt").contains("effectiveOn");
        assertThat(api.get("/api/bi/programmes.csv?organisation=" + organisation + "&consistencyToken=" + token)
                .header("Ledger-Not-Yet-Recorded")).isNull();
    }

    @Test
    void aReportRefusesAnEffectiveDateOtherThanItsMeetingAndFiguresOfLaterThanItAndWritesNothing() {
        ApiClient.Reply otherDay = api.post("/api/committees/" + committee + "/reports", """
                {"meetingDate": "2009-11-20", "effectiveDate": "2009-11-27", "title": "Transformation update"}""");
        assertThat(otherDay.status()).isEqualTo(400);
        assertThat(otherDay.json().path("errors").get(0).path("field").asText()).isEqualTo("effectiveDate");
        ApiClient.Reply laterFigures = api.post("/api/committees/" + committee + "/reports", """
                {"meetingDate": "2009-11-20", "figuresEffectiveOn": "2009-11-21", "title": "Transformation update"}""");
        assertThat(laterFigures.status()).isEqualTo(400);
        assertThat(laterFigures.json().path("errors").get(0).path("field").asText()).isEqualTo("figuresEffectiveOn");
        assertThat(get("/api/committees/" + committee).path("reports").size()).isEqualTo(3);

        ApiClient.Reply onTheMeetingDay = api.post("/api/committees/" + committee + "/reports", """
                {"meetingDate": "2011-02-14", "effectiveDate": "2011-02-14", "title": "Transformation update"}""");
        assertThat(onTheMeetingDay.status()).isEqualTo(201);
    }

    private JsonNode report(String prefix) {
        return get("/api/committees/" + committee + "/reports/" + reportId(prefix));
    }

    private String reportId(String prefix) {
        return prefix + programme.substring("backfill-tp-".length());
    }

    /** The programme's own figures, then its totals; {@code undelivered} = planned − delivered. */
    private static void assertFigures(JsonNode p, String target, String budget, String drawn, String planned,
                                      String delivered, String gap, String undelivered) {
        assertThat(List.of(money(p, "savingsTarget"), money(p, "budgetApproved"), money(p, "costDrawnDown"),
                money(p.path("totals"), "planned"), money(p.path("totals"), "delivered"),
                money(p.path("totals"), "gapToTarget"), money(p.path("totals"), "undelivered")))
                .containsExactly(target, budget, drawn, planned, delivered, gap, undelivered);
    }

    /** Per year: planned, delivered, slipped in, slipped out, cumulative planned, cumulative delivered, undelivered. */
    private static void assertYears(JsonNode p, List<String> expected) {
        List<String> years = new ArrayList<>();
        p.path("years").forEach(y -> years.add(String.join(" ", y.path("year").asText(), money(y, "planned"),
                money(y, "delivered"), money(y, "slippedIn"), money(y, "slippedOut"), money(y, "cumulativePlanned"),
                money(y, "cumulativeDelivered"), money(y, "undelivered"))));
        assertThat(years).containsExactlyElementsOf(expected);
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

    private static String amount(long pounds, String effectiveDate, String reason) {
        return """
                {"amount": %d, "reason": "%s", "effectiveDate": "%s"}""".formatted(pounds, reason, effectiveDate);
    }

    private static String delivery(String year, long pounds, String effectiveDate) {
        return """
                {"year": "%s", "amount": %d, "reason": "outturn", "effectiveDate": "%s"}""".formatted(year, pounds, effectiveDate);
    }
}
