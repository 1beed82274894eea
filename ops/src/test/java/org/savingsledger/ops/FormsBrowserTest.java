package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms of the everyday commands in a real browser, on a programme and saving each test makes itself: a
 * delivery recorded through the form, a bad amount refused with the error summary and nothing written, a viewer
 * shown no forms and refused them, another organisation's saving not found, and a tracker's dry run then commit.
 */
@AllInOneTest
class FormsBrowserTest {

    @LocalServerPort
    int port;

    ApiClient api;
    Browser browser;
    String programme;
    String saving;

    @BeforeEach
    void start() {
        api = new ApiClient(port).withOrganisation("nottinghamshire");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        programme = "forms-" + unique;
        saving = "forms-" + unique + "-libraries";
        assertThat(api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Forms programme %s", "savingsTarget": 500000,
                 "firstYear": "2018/19", "lastYear": "2021/22", "effectiveDate": "2018-04-01"}""".formatted(programme, unique))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "Library opening hours", "stage": "IN_DELIVERY", "confidence": "CONFIDENT",
                 "profile": {"2018/19": 100000, "2019/20": 50000}, "effectiveDate": "2018-04-01"}""".formatted(saving))
                .status()).isEqualTo(201);
        browser = Browser.on(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void anEditorRecordsADeliveryAndABadAmountWritesNothing() {
        browser.signIn("editor-notts", "pw");
        browser.open("/ui/savings/" + saving);
        browser.follow("#record-delivery");
        assertThat(browser.currentPath()).isEqualTo("/ui/edit/savings/" + saving + "/deliveries?version=0");
        assertThat(browser.text("h1")).isEqualTo("Record a delivery");

        // a word for an amount, and no reason: both named at once
        new Select(browser.find("#year")).selectByValue("2018/19");
        browser.type("#amount", "abc");
        browser.follow("#send");
        assertThat(summaryLines()).containsExactly("Amount delivered must be a number with at most 2 decimal places",
                "Why is required");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("abc");

        // more precise than a penny: refused by the API's own rule, what was typed kept
        browser.type("#amount", "12.345");
        browser.type("#reason", "Reduced Sunday opening from June");
        browser.type("#decisionRef", "Communities Committee 2018-05-14 item 4");
        browser.follow("#send");
        assertThat(summaryLines()).containsExactly("Amount delivered must have at most 2 decimal places, was 12.345");
        assertThat(browser.text("#amount-error")).contains("must have at most 2 decimal places");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("12.345");
        assertThat(browser.find("#reason").getAttribute("value")).isEqualTo("Reduced Sunday opening from June");
        assertThat(new Select(browser.find("#year")).getFirstSelectedOption().getText()).isEqualTo("2018/19");
        browser.screenshot("41-error-summary");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        // nothing written: the saving is still at the version it was proposed at, nothing delivered
        JsonNode unchanged = api.get("/api/savings/" + saving).json();
        assertThat(unchanged.path("version").asLong()).isZero();
        assertThat(unchanged.path("delivered").size()).isZero();

        browser.type("#amount", "1250.50");
        browser.screenshot("40-record-delivery");
        browser.follow("#send");

        assertThat(browser.currentPath()).startsWith("/ui/savings/" + saving + "?consistencyToken=")
                .endsWith("&done=delivery-recorded");
        assertThat(browser.text("#done")).contains("Delivery recorded");
        // 2018/19: planned 100,000.00, delivered 1,250.50, so 100,000.00 - 1,250.50 = 98,749.50 still to deliver
        assertThat(cells("#year-2018")).containsExactly("2018/19", "£100,000.00", "£1,250.50", "£98,749.50");
        assertThat(browser.text("#timeline")).contains("Reduced Sunday opening from June",
                "Communities Committee 2018-05-14 item 4", "editor-notts");
        browser.screenshot("43-delivery-recorded");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        JsonNode recorded = api.get("/api/savings/" + saving).json();
        assertThat(recorded.path("version").asLong()).isEqualTo(1);
        assertThat(recorded.path("delivered").path("2018/19").decimalValue()).isEqualByComparingTo("1250.50");
    }

    @Test
    void aFormSentAfterSomeoneElseChangedTheSavingIsRefusedAndWritesNothing() {
        browser.signIn("editor-notts", "pw");
        browser.open("/ui/edit/savings/" + saving + "/rag?version=0");
        browser.find("#status-GREEN").click();
        browser.type("#reason", "On track");
        // meanwhile a colleague changes the saving through the API
        assertThat(api.post("/api/savings/" + saving + "/rag", "{\"status\": \"AMBER\", \"reason\": \"Staffing risk\"}")
                .status()).isEqualTo(200);
        browser.follow("#send");

        assertThat(browser.text("#refusal")).isEqualTo("expected version 0 but it is at version 1; read it again and retry");
        assertThat(browser.text("#error-summary")).contains("Nothing was written");
        assertThat(api.get("/api/savings/" + saving).json().path("rag").asText()).isEqualTo("AMBER");
    }

    @Test
    void aViewerSeesNoFormsAndIsRefusedThemAndAnotherOrganisationsSavingIsNotFound() {
        browser.signIn("viewer-notts", "pw");
        browser.open("/ui/savings/" + saving);
        assertThat(browser.text("h1")).isEqualTo("Library opening hours");
        assertThat(browser.findAll("#saving-forms a")).isEmpty();
        browser.open("/ui/programmes/" + programme);
        assertThat(browser.findAll("#programme-forms a")).isEmpty();
        assertThat(browser.findAll("a[href*='/ui/edit/']")).isEmpty();

        browser.open("/ui/edit/savings/" + saving + "/deliveries");
        assertThat(browser.text("h1")).isEqualTo("You do not have access");
        browser.screenshot("44-viewer-refused");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        Browser leicestershire = Browser.on(port);
        try {
            leicestershire.signIn("editor-leics", "pw");
            leicestershire.open("/ui/edit/savings/" + saving + "/deliveries");
            assertThat(leicestershire.text("h1")).isEqualTo("Page not found");
            leicestershire.open("/ui/edit/programmes/" + programme + "/savings");
            assertThat(leicestershire.text("h1")).isEqualTo("Page not found");
        } finally {
            leicestershire.close();
        }
    }

    @Test
    void anEditorProposesASaving() {
        browser.signIn("editor-notts", "pw");
        browser.open("/ui/programmes/" + programme);
        browser.follow("#programme-forms a[href$='/savings']");
        String id = programme + "-mobile";
        browser.type("#id", id);
        browser.type("#title", "Mobile library route review");
        browser.find("#stage-BUSINESS_CASE").click();
        browser.find("#confidence").click();
        browser.type("#profile-2019", "40000");
        browser.type("#profile-2020", "1.001");
        browser.follow("#send");
        assertThat(summaryLines()).containsExactly("Planned savings in 2020/21 must have at most 2 decimal places, was 1.001");
        assertThat(api.get("/api/savings/" + id).status()).isEqualTo(404);

        browser.type("#profile-2020", "25000");
        browser.follow("#send");
        assertThat(browser.currentPath()).as(() -> browser.text("main")).startsWith("/ui/savings/" + id + "?consistencyToken=");
        assertThat(browser.text("h1")).as(() -> browser.text("main")).isEqualTo("Mobile library route review");
        assertThat(browser.text("#done")).contains("Saving proposed");
        assertThat(cells("#year-2019")).containsExactly("2019/20", "£40,000.00", "£0.00", "£40,000.00");
        assertThat(cells("#year-2020")).containsExactly("2020/21", "£25,000.00", "£0.00", "£25,000.00");
    }

    @Test
    void aTrackerIsCheckedThenTheSameFileWritten() throws IOException {
        // £'000: the saving's 2018/19 delivery of 12.5 is £12,500.00, and a new saving planned £30,000.00 in 2019/20
        String tracker = """
                As at,2018-09-30
                Units,£'000
                Decision reference,Communities Committee 2018-10-08 item 3

                Programme,Saving id,Title,Stage,Confidence,Delivered 2018/19,Planned 2019/20
                %s,%s,,,,12.5,50
                %s,%s,Community hub lettings,Concept,Stretch,,30
                """.formatted(programme, saving, programme, programme + "-hubs");
        Path file = Files.createTempFile("tracker", ".csv");
        Files.writeString(file, tracker, StandardCharsets.UTF_8);
        try {
            browser.signIn("editor-notts", "pw");
            browser.open("/ui/programmes/" + programme);
            browser.follow("#programme-forms a[href*='/ui/edit/imports']");
            browser.find("#file").sendKeys(file.toAbsolutePath().toString());
            browser.follow("#check");

            assertThat(browser.text("#import-outcome")).isEqualTo("Checked: 2 change(s) to write. Nothing has been written yet.");
            assertThat(browser.text("#import-rows")).contains("record delivery 2018/19: £12,500.00",
                    "propose saving \"Community hub lettings\"");
            browser.screenshot("42-import-dry-run");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat(api.get("/api/savings/" + programme + "-hubs").status()).isEqualTo(404);

            browser.follow("#commit");
            assertThat(browser.currentPath()).as(() -> browser.text("main")).startsWith("/ui/organisations/nottinghamshire?consistencyToken=");
            assertThat(browser.text("#done")).contains("Tracker imported");
            assertThat(api.get("/api/savings/" + saving).json().path("delivered").path("2018/19").decimalValue())
                    .isEqualByComparingTo("12500.00");
            assertThat(api.get("/api/savings/" + programme + "-hubs").json().path("title").asText())
                    .isEqualTo("Community hub lettings");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private List<String> summaryLines() {
        return browser.findAll("#error-summary li").stream().map(line -> line.getText()).toList();
    }

    private List<String> cells(String row) {
        return browser.findAll(row + " th, " + row + " td").stream().map(cell -> cell.getText()).toList();
    }
}
