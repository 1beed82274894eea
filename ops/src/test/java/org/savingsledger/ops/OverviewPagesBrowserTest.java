package org.savingsledger.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation overview and the programme page's chart and breakdowns in a real browser: the Nottinghamshire
 * demo programme's figures, its savings' RAG statuses in words, the slip read from the chart the page drew, and a
 * programme of ten years whose savings table scrolls inside its region rather than widening the page.
 */
@AllInOneTest
class OverviewPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    Browser browser;

    @BeforeEach
    void start() {
        api = new ApiClient(port);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
        browser = Browser.on(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void theOrganisationOverviewListsTheDemoProgrammeWithItsFiguresAndRagStatusesInWords() {
        browser.signIn("viewer-notts", "pw");
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire");

        // target 17,981,000; planned 12,895,000 + 9,463,000 + 9,627,000 + 6,219,000 = 38,204,000, nothing delivered;
        // gap 17,981,000 − 38,204,000; the three savings have no RAG status
        assertThat(cells("#programme-notts-asc-savings")).containsExactly("Adult Social Care savings programme",
                "£17,981,000.00", "£38,204,000.00", "£0.00", "£38,204,000.00", "−£20,223,000.00",
                "Red 0, Amber 0, Green 0, Not set 3");
        // other tests add programmes to Nottinghamshire, so only the years' shape and the chart's series are fixed
        assertThat(browser.findAll("#years tbody tr")).isNotEmpty();
        assertThat(browser.find("#organisation-chart").getAttribute("role")).isEqualTo("img");
        assertThat(browser.find("#organisation-chart").getAttribute("aria-label"))
                .startsWith("Chart of the money planned and delivered in each financial year");
        assertThat(seriesNames("#organisation-chart")).containsExactly("Planned in the year", "Delivered in the year",
                "Planned to date", "Delivered to date", "Savings target (all programmes, all years)");
        assertThat(browser.text("#target-note")).startsWith("Savings target of all programmes");
        assertThat(browser.find("#odata-link").getAttribute("href")).endsWith("/odata/");
        assertThat(browser.find("#extracts a[href^='/api/bi/saving_years.csv']").getAttribute("href"))
                .endsWith("/api/bi/saving_years.csv?organisation=nottinghamshire");
        browser.screenshot("20-organisation-overview");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.follow("#programme-notts-asc-savings a");
        assertThat(browser.currentPath()).isEqualTo("/ui/programmes/" + DemoData.NOTTS_PROGRAMME);
    }

    @Test
    void theProgrammeChartShowsTheSlipAndTheBreakdownsTheMoney() {
        browser.signIn("viewer-notts", "pw");
        browser.open("/ui/programmes/" + DemoData.NOTTS_PROGRAMME);

        assertThat(browser.find("#programme-chart").getAttribute("role")).isEqualTo("img");
        Map<String, List<BigDecimal>> series = series("#programme-chart");
        assertThat(series.keySet()).containsExactly("Planned", "Delivered", "Slipped in", "Slipped out");
        // 2018/19: 6,804,000 + 5,379,000 + 712,000 less the 1,000,000 slipped out; 2019/20: 588,000 + 3,461,000 +
        // 5,414,000; 2020/21: 53,000 + 1,696,000 + 7,878,000 plus the 1,000,000 slipped in; 2021/22: 6,219,000
        assertThat(series.get("Planned")).containsExactly(pounds(11_895_000), pounds(9_463_000), pounds(10_627_000),
                pounds(6_219_000));
        assertThat(series.get("Slipped out")).containsExactly(pounds(1_000_000), pounds(0), pounds(0), pounds(0));
        assertThat(series.get("Slipped in")).containsExactly(pounds(0), pounds(0), pounds(1_000_000), pounds(0));
        assertThat(series.get("Delivered")).containsExactly(pounds(0), pounds(0), pounds(0), pounds(0));
        // the table below the chart states the same
        assertThat(cells("#year-2018")).containsExactly("2018/19", "£11,895,000.00", "£0.00", "£0.00",
                "£1,000,000.00", "£11,895,000.00");

        // Columns A and B (in delivery) plan 7,445,000 + 10,536,000; Column C (business case) 20,223,000
        assertThat(rows("#by-stage")).containsExactly(List.of("Concept", "0", "£0.00"),
                List.of("Business case", "1", "£20,223,000.00"), List.of("In delivery", "2", "£17,981,000.00"),
                List.of("Delivered", "0", "£0.00"));
        assertThat(rows("#by-confidence")).containsExactly(List.of("Confident", "3", "£38,204,000.00"),
                List.of("Stretch", "0", "£0.00"));
        assertThat(rows("#by-rag")).containsExactly(List.of("Red", "0", "£0.00"), List.of("Amber", "0", "£0.00"),
                List.of("Green", "0", "£0.00"), List.of("Not set", "3", "£38,204,000.00"));
        assertThat(rows("#by-workstream")).containsExactly(
                List.of("Council savings", "2", "£17,981,000.00", "£0.00"),
                List.of("Newton proposals", "1", "£20,223,000.00", "£0.00"));
        assertThat(browser.text("#budget")).contains("Budget approved £0.00", "Budget pending a decision £0.00", "Cost drawn down £0.00");
        browser.screenshot("21-programme-charts");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // before the slip was recorded the chart had nothing slipped: 12,895,000 planned in 2018/19, 9,627,000 in
        // 2020/21; the organisation's link to the programme keeps the moment
        Instant beforeSlip = slipRecordedAt().minusMillis(1);
        browser.open("/ui/organisations/nottinghamshire?asAt=" + beforeSlip);
        browser.follow("#programme-notts-asc-savings a");
        assertThat(browser.currentPath()).isEqualTo("/ui/programmes/" + DemoData.NOTTS_PROGRAMME + "?asAt=" + beforeSlip);
        Map<String, List<BigDecimal>> before = series("#programme-chart");
        assertThat(before.get("Planned")).containsExactly(pounds(12_895_000), pounds(9_463_000), pounds(9_627_000),
                pounds(6_219_000));
        assertThat(before.get("Slipped out")).containsOnly(pounds(0));
        assertThat(before.get("Slipped in")).containsOnly(pounds(0));
        browser.screenshot("23-programme-chart-before-the-slip");
    }

    @Test
    void aTenYearProgrammesSavingsTableScrollsInsideThePage() {
        String programme = "overview-ten-years-" + UUID.randomUUID().toString().substring(0, 8);
        created(api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Ten years", "savingsTarget": 5500000,
                 "firstYear": "2020/21", "lastYear": "2029/30"}""".formatted(programme)));
        StringBuilder profile = new StringBuilder();
        for (int year = 2020; year < 2030; year++) {
            profile.append(profile.isEmpty() ? "" : ", ").append("\"%d/%02d\": %d".formatted(year, (year + 1) % 100,
                    (year - 2019) * 100_000));
        }
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s-a", "title": "Reablement across the county and its districts", "confidence": "STRETCH",
                 "stage": "CONCEPT", "workstream": "Early help", "profile": {%s}}""".formatted(programme, profile)));
        String token = api.post("/api/savings/" + programme + "-a/rag", "{\"status\": \"RED\", \"reason\": \"At risk\"}")
                .json().path("consistencyToken").asText();
        assertThat(api.get("/api/programmes/" + programme + "?consistencyToken=" + token).status()).isEqualTo(200);

        browser.signIn("viewer-notts", "pw");
        // 100,000 + 200,000 + … + 1,000,000 = 5,500,000, the target: no gap; the one saving is Red
        assertThat(cells("#programme-" + programme)).containsExactly("Ten years", "£5,500,000.00", "£5,500,000.00",
                "£0.00", "£5,500,000.00", "£0.00", "Red 1, Amber 0, Green 0, Not set 0");

        browser.follow("#programme-" + programme + " a");
        assertThat(series("#programme-chart").get("Planned")).hasSize(10).last().isEqualTo(pounds(1_000_000));
        assertThat(browser.find("#savings").findElements(org.openqa.selenium.By.cssSelector("thead th"))).hasSize(15);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        assertThat(browser.find(".ledger-scroll").getAttribute("tabindex")).isEqualTo("0");
        assertThat(browser.find(".ledger-scroll").getAttribute("role")).isEqualTo("region");
        browser.script("document.getElementById('savings-heading').scrollIntoView()");
        browser.screenshot("22-programme-ten-years");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    /** The chart's series as ECharts drew them, by name: what the page shows, not what it was given. */
    @SuppressWarnings("unchecked")
    private Map<String, List<BigDecimal>> series(String chart) {
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) browser.script(
                "return echarts.getInstanceByDom(document.querySelector('" + chart + "')).getOption().series"
                        + ".map(s => ({name: s.name, data: s.data.map(String)}))");
        Map<String, List<BigDecimal>> byName = new java.util.LinkedHashMap<>();
        drawn.forEach(s -> byName.put((String) s.get("name"),
                ((List<String>) s.get("data")).stream().map(BigDecimal::new).toList()));
        return byName;
    }

    private List<String> seriesNames(String chart) {
        return List.copyOf(series(chart).keySet());
    }

    private static BigDecimal pounds(long pounds) {
        return BigDecimal.valueOf(pounds);
    }

    private List<String> cells(String row) {
        return browser.findAll(row + " th, " + row + " td").stream().map(cell -> cell.getText()).toList();
    }

    private List<List<String>> rows(String table) {
        return browser.findAll(table + " tbody tr").stream().map(row -> row.findElements(
                org.openqa.selenium.By.cssSelector("th, td")).stream().map(cell -> cell.getText()).toList()).toList();
    }

    private Instant slipRecordedAt() {
        return Instant.parse(api.get("/api/savings/" + DemoData.NOTTS_COLUMN_B + "/history").json().get(1)
                .path("recordedAt").asText());
    }

    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}
