package org.savingsledger.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web interface in a real browser: signing in with the form, the Nottinghamshire demo programme with its slip,
 * the same page before the slip through the as-at control, and another organisation's programme not found.
 */
@AllInOneTest
class WebInterfaceTest {

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
    void aNottinghamshireViewerSeesTheSlipAndTheFiguresBeforeIt() {
        browser.open("/ui/programmes/" + DemoData.NOTTS_PROGRAMME);
        assertThat(browser.currentPath()).isEqualTo("/login");
        browser.type("#username", "viewer-notts");
        browser.type("#password", "pw");
        browser.screenshot("01-sign-in");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.follow("#sign-in");
        // the page asked for before signing in
        assertThat(browser.currentPath()).startsWith("/ui/programmes/notts-asc-savings");

        // 2018/19: 6,804,000 + 5,379,000 + 712,000 = 12,895,000 proposed, less the 1,000,000 slipped out;
        // 2020/21: 53,000 + 1,696,000 + 7,878,000 = 9,627,000, plus the 1,000,000 slipped in
        assertThat(browser.text("h1")).isEqualTo("Adult Social Care savings programme");
        assertThat(cells("#year-2018")).containsExactly("2018/19", "£11,895,000.00", "£0.00", "£0.00",
                "£1,000,000.00", "£11,895,000.00");
        assertThat(cells("#year-2019")).containsExactly("2019/20", "£9,463,000.00", "£0.00", "£0.00", "£0.00",
                "£9,463,000.00");
        assertThat(cells("#year-2020")).containsExactly("2020/21", "£10,627,000.00", "£0.00", "£1,000,000.00",
                "£0.00", "£10,627,000.00");
        assertThat(cells("#year-2021")).containsExactly("2021/22", "£6,219,000.00", "£0.00", "£0.00", "£0.00",
                "£6,219,000.00");
        // the total is unchanged by the slip: 12,895,000 + 9,463,000 + 9,627,000 + 6,219,000 = 38,204,000,
        // 20,223,000 over the 17,981,000 target
        assertThat(browser.text("#totals")).contains("£38,204,000.00", "−£20,223,000.00");
        assertThat(browser.findAll("#as-at-banner")).isEmpty();
        assertThat(browser.text("#savings")).contains("Column B", "In delivery", "Confident", "Not set");
        browser.screenshot("02-programme-now");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        Instant beforeSlip = slipRecordedAt().minusMillis(1);
        browser.find(".govuk-details__summary").click();
        browser.type("#asAt", beforeSlip.toString());
        browser.follow("#show-figures");

        assertThat(browser.currentPath()).contains("asAt=" + beforeSlip + "&effectiveOn=");
        assertThat(browser.text("#as-at-banner")).contains("Figures as the ledger knew them at");
        assertThat(cells("#year-2018")).containsExactly("2018/19", "£12,895,000.00", "£0.00", "£0.00", "£0.00",
                "£12,895,000.00");
        assertThat(cells("#year-2020")).containsExactly("2020/21", "£9,627,000.00", "£0.00", "£0.00", "£0.00",
                "£9,627,000.00");
        assertThat(browser.text("#totals")).contains("£38,204,000.00");
        browser.screenshot("03-programme-before-the-slip");

        // the link back to the organisation keeps the moment
        browser.follow(".govuk-back-link");
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire?asAt=" + beforeSlip);
        assertThat(browser.text("#programmes")).contains("Adult Social Care savings programme");
        browser.screenshot("04-organisation-before-the-slip");

        browser.follow("#back-to-now");
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire");
        assertThat(browser.findAll("#as-at-banner")).isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aSavingsTimelineListsTheSlipWithItsReasonAndAuthority() {
        browser.signIn("viewer-notts", "pw");
        browser.open("/ui/programmes/" + DemoData.NOTTS_PROGRAMME);
        browser.follow("#savings a[href^='/ui/savings/" + DemoData.NOTTS_COLUMN_B + "']");

        assertThat(browser.currentPath()).isEqualTo("/ui/savings/" + DemoData.NOTTS_COLUMN_B);
        assertThat(browser.text("h1")).isEqualTo("Column B: Council savings proposals in scope of Newton analysis (existing profile)");
        // proposed 5,379,000 / 3,461,000 / 1,696,000; the slip moved 1,000,000 from 2018/19 to 2020/21
        assertThat(cells("#year-2018")).containsExactly("2018/19", "£4,379,000.00", "£0.00", "£4,379,000.00");
        assertThat(cells("#year-2020")).containsExactly("2020/21", "£2,696,000.00", "£0.00", "£2,696,000.00");
        String slip = browser.text("#change-1");
        assertThat(slip).startsWith("Saving slipped to year").contains("Recorded late", "12 March 2018",
                "Newton identified the 2018/19 Council savings as the biggest risk", "ASC&PH Committee 2018-03-12 item 9");
        assertThat(cells("#change-1 tbody tr:nth-child(1)")).containsExactly("planned", "2018/19", "£5,379,000.00",
                "£4,379,000.00");
        assertThat(cells("#change-1 tbody tr:nth-child(2)")).containsExactly("planned", "2020/21", "£1,696,000.00",
                "£2,696,000.00");
        browser.screenshot("06-saving-timeline");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.open("/ui/savings/leics-transformation-profile");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
    }

    @Test
    void anotherOrganisationsProgrammeIsPageNotFound() {
        browser.signIn("viewer-notts", "pw");
        assertThat(browser.currentPath()).isEqualTo("/ui/organisations/nottinghamshire");

        browser.open("/ui/programmes/" + DemoData.LEICS_PROGRAMME);
        assertThat(browser.text("h1")).isEqualTo("Page not found");
        assertThat(browser.text("main")).doesNotContain("Transformation Programme");
        browser.screenshot("05-another-organisations-programme");
        browser.open("/ui/organisations/leicestershire");
        assertThat(browser.text("h1")).isEqualTo("Page not found");
    }

    private java.util.List<String> cells(String row) {
        return browser.findAll(row + " th, " + row + " td").stream().map(cell -> cell.getText()).toList();
    }

    private Instant slipRecordedAt() {
        return Instant.parse(api.get("/api/savings/" + DemoData.NOTTS_COLUMN_B + "/history").json().get(1)
                .path("recordedAt").asText());
    }
}
