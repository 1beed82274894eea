package org.savingsledger.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WrapsDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee pages in a real browser: the Nottinghamshire demo committee, its report as presented with what
 * changed since (the slip recorded after the presentation), its committee pack downloaded with the page's session,
 * another organisation's committee not found, and the pages' error pages.
 */
@AllInOneTest
class CommitteePagesBrowserTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String REPORT_PATH = "/ui/committees/" + DemoData.NOTTS_COMMITTEE + "/reports/" + DemoData.NOTTS_REPORT;

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
        browser.signIn("viewer-notts", "pw");
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void aClerkIsOfferedTheFormToPresentAReportToTheCommittee() {
        Browser clerk = Browser.on(port);
        try {
            clerk.signIn("clerk-notts", "pw");
            clerk.open("/ui/committees/" + DemoData.NOTTS_COMMITTEE);
            clerk.follow("#committee-forms a");
            assertThat(clerk.currentPath()).isEqualTo("/ui/edit/committees/" + DemoData.NOTTS_COMMITTEE + "/reports");
            assertThat(clerk.findAll("form input[name='_csrf']")).isNotEmpty();
        } finally {
            clerk.close();
        }
    }

    @Test
    void theCommitteeListsItsProgrammesAndReportsAndTheReportShowsWhatChangedSince() {
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire");
        browser.follow("#committees-link");
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire/committees");
        assertThat(browser.text("#committees")).contains("Adult Social Care and Public Health Committee");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.follow("#committees a[href^='/ui/committees/" + DemoData.NOTTS_COMMITTEE + "']");
        assertThat(browser.currentPath()).isEqualTo("/ui/committees/" + DemoData.NOTTS_COMMITTEE);
        assertThat(browser.text("h1")).isEqualTo("Adult Social Care and Public Health Committee");
        assertThat(browser.text("#programmes")).isEqualTo("Adult Social Care savings programme");
        assertThat(browser.find("#programmes a").getAttribute("href")).endsWith("/ui/programmes/" + DemoData.NOTTS_PROGRAMME);
        assertThat(cells("#report-" + DemoData.NOTTS_REPORT)).startsWith("12 March 2018",
                "Savings profile (Figure 1) before the Newton re-profiling", DemoData.NOTTS_REPORT.value(), "12 March 2018");
        assertThat(browser.findAll("#committee-forms")).as("a viewer is offered no form").isEmpty();
        browser.screenshot("30-committee");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.follow("#report-" + DemoData.NOTTS_REPORT + " a");
        assertThat(browser.currentPath()).isEqualTo(REPORT_PATH);
        assertThat(browser.text("h1")).isEqualTo("Savings profile (Figure 1) before the Newton re-profiling");
        // as presented, before the slip: 2018/19 6,804,000 + 5,379,000 + 712,000 = 12,895,000, 2020/21 53,000 +
        // 1,696,000 + 7,878,000 = 9,627,000; now 1,000,000 less in 2018/19 and 1,000,000 more in 2020/21
        assertThat(cells("#year-0-2018")).containsExactly("2018/19", "£12,895,000.00", "£11,895,000.00",
                "−£1,000,000.00", "£0.00", "£0.00", "£0.00");
        assertThat(cells("#year-0-2019")).containsExactly("2019/20", "£9,463,000.00", "£9,463,000.00", "£0.00",
                "£0.00", "£0.00", "£0.00");
        assertThat(cells("#year-0-2020")).containsExactly("2020/21", "£9,627,000.00", "£10,627,000.00",
                "+£1,000,000.00", "£0.00", "£0.00", "£0.00");
        assertThat(cells("#year-0-2021")).containsExactly("2021/22", "£6,219,000.00", "£6,219,000.00", "£0.00",
                "£0.00", "£0.00", "£0.00");
        // 12,895,000 + 9,463,000 + 9,627,000 + 6,219,000 = 38,204,000 planned as presented, against 17,981,000
        assertThat(browser.text("#presented-totals-" + DemoData.NOTTS_PROGRAMME)).contains("£17,981,000.00",
                "£38,204,000.00");
        assertThat(browser.findAll("#changes > li")).hasSize(1);
        assertThat(browser.text("#change-1")).startsWith("Saving slipped to year").contains(
                "Column B: Council savings proposals in scope of Newton analysis (existing profile)", "12 March 2018",
                "Newton identified the 2018/19 Council savings as the biggest risk", "ASC&PH Committee 2018-03-12 item 9");
        assertThat(cells("#change-1 tbody tr:nth-child(1)")).containsExactly("planned", "2018/19", "£5,379,000.00",
                "£4,379,000.00");
        browser.screenshot("31-report-changed-since");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // the pack is served under the page's path, with the page's session: the API's very workbook
        String pack = browser.find("#pack").getAttribute("href");
        assertThat(pack).endsWith(REPORT_PATH + ".xlsx");
        Fetched workbook = fetch(REPORT_PATH + ".xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.contentType()).isEqualTo(XLSX);
        HttpResponse<byte[]> fromApi = api.getBytes("/api/committees/" + DemoData.NOTTS_COMMITTEE + "/reports/"
                + DemoData.NOTTS_REPORT + ".xlsx");
        assertThat(fromApi.statusCode()).isEqualTo(200);
        assertThat(workbook.bytes()).isEqualTo(fromApi.body());
    }

    @Test
    void theReportAtAnEarlierTimeShowsNothingChangedAndTheCommitteeBeforeItsReportHasNone() {
        // just before the slip was recorded, after the report: nothing had changed since it was presented
        String beforeSlip = java.time.Instant.parse(api.get("/api/savings/" + DemoData.NOTTS_COLUMN_B + "/history")
                .json().get(1).path("recordedAt").asText()).minusMillis(1).toString();
        browser.open(REPORT_PATH + "?asAt=" + beforeSlip);
        assertThat(browser.text("#as-at-banner")).contains("Figures as the ledger knew them at");
        assertThat(cells("#year-0-2018")).containsExactly("2018/19", "£12,895,000.00", "£12,895,000.00", "£0.00",
                "£0.00", "£0.00", "£0.00");
        assertThat(browser.text("#no-changes")).isEqualTo("None.");
        assertThat(browser.find("#pack").getAttribute("href")).contains(".xlsx?asAt=");
        assertThat(fetch(REPORT_PATH + ".xlsx?asAt=" + beforeSlip).status()).isEqualTo(200);

        // the report is presented (and recorded) after the presentedAt it gives: before then it is not there
        String presentedAt = api.get("/api/committees/" + DemoData.NOTTS_COMMITTEE).json().path("reports").get(0)
                .path("presentedAt").asText();
        String beforeReport = java.time.Instant.parse(presentedAt).minusMillis(1).toString();
        browser.open(REPORT_PATH + "?asAt=" + beforeReport);
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        assertThat(fetch(REPORT_PATH + ".xlsx?asAt=" + beforeReport).status()).isEqualTo(404);
        browser.open("/ui/committees/" + DemoData.NOTTS_COMMITTEE + "?asAt=" + beforeReport);
        assertThat(browser.text("#no-reports")).isEqualTo("No report was presented to it by then.");
        assertThat(browser.text("#programmes")).isEqualTo("Adult Social Care savings programme");
    }

    @Test
    void anotherOrganisationsCommitteeAndAnUnknownPageAreNotFound() {
        browser.open("/ui/committees/" + DemoData.LEICS_CABINET);
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        assertThat(fetch("/ui/committees/" + DemoData.LEICS_CABINET).status()).isEqualTo(404);
        assertThat(fetch("/ui/committees/" + DemoData.LEICS_CABINET + "/reports/" + DemoData.LEICS_REPORT).status())
                .isEqualTo(404);
        assertThat(fetch("/ui/committees/" + DemoData.LEICS_CABINET + "/reports/" + DemoData.LEICS_REPORT + ".xlsx")
                .status()).isEqualTo(404);
        assertThat(fetch("/ui/organisations/leicestershire/committees").status()).isEqualTo(404);

        browser.open("/ui/no-such-page");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        assertThat(browser.text("header")).contains("Savings Ledger");
        Fetched unknown = fetch("/ui/no-such-page");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        browser.screenshot("32-page-not-found");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        // a malformed id names nothing: not found, as the API says of it
        assertThat(fetch("/ui/committees/Not%20an%20id").status()).isEqualTo(404);
        // the API keeps its problem+json
        assertThat(api.get("/api/no-such-endpoint").contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBadParameterNamesTheParameterAndAFormWithoutItsTokenIsRefusedAsAPage() {
        browser.open("/ui/committees/" + DemoData.NOTTS_COMMITTEE + "?effectiveon=2018-03-12");
        assertThat(browser.text("h1")).isEqualTo("There is a problem with the web address");
        assertThat(browser.text("#parameter-problems")).isEqualTo(
                "effectiveon: is not a parameter of this page; its parameters are asAt, effectiveOn");
        assertThat(fetch("/ui/committees/" + DemoData.NOTTS_COMMITTEE + "?effectiveon=2018-03-12").status())
                .isEqualTo(400);
        browser.screenshot("33-bad-parameter");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        Fetched xlsx = fetch(REPORT_PATH + ".xlsx?effectiveOn=12/03/2018");
        assertThat(xlsx.status()).isEqualTo(400);
        assertThat(xlsx.contentType()).startsWith("text/html");

        Fetched refused = fetch("/ui/committees/" + DemoData.NOTTS_COMMITTEE, "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.text()).contains("You do not have access");
    }

    /** An answer fetched by the page's own script: with its session cookie, as a link or a form would be. */
    record Fetched(int status, String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Fetched fetch(String path) {
        return fetch(path, "GET");
    }

    @SuppressWarnings("unchecked")
    private Fetched fetch(String path, String method) {
        JavascriptExecutor script = (JavascriptExecutor) ((WrapsDriver) browser.find("html")).getWrappedDriver();
        Map<String, Object> answer = (Map<String, Object>) script.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: arguments[1], credentials: 'same-origin', redirect: 'manual'})
                  .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('content-type'),
                                                           bytes: Array.from(new Uint8Array(b))})))
                  .catch(e => done({status: -1, type: String(e), bytes: []}));
                """, path, method);
        List<Number> values = (List<Number>) answer.get("bytes");
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).byteValue();
        }
        return new Fetched(((Number) answer.get("status")).intValue(), (String) answer.get("type"), bytes);
    }

    private List<String> cells(String row) {
        return browser.findAll(row + " th, " + row + " td").stream().map(cell -> cell.getText()).toList();
    }
}
