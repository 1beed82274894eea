package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A council's tracker imported over HTTP: a dry run reports the commands and writes nothing; the commit
 * writes them; the same file again writes nothing; a later tracker writes only what changed, as ordinary
 * events effective on its date; a tracker with a problem, a file of another format or too large, a viewer
 * and another organisation's editor are refused without writing.
 */
@AllInOneTest
class TrackerImportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADINGS = {"Programme", "Saving id", "Title", "Workstream", "Stage", "Confidence", "RAG",
            "Planned 2018/19", "Planned 2019/20", "Delivered 2018/19"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String organisation;
    String programme;
    String ref;

    @BeforeEach
    void aProgrammeOfItsOwn() {
        api = new ApiClient(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        organisation = "county-" + unique;
        programme = "prog-" + unique;
        ref = "IMP" + unique;
        api.withOrganisation(organisation);
        assertThat(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Transformation", "savingsTarget": 10000000,
                 "firstYear": "2018/19", "lastYear": "2020/21", "effectiveDate": "2018-02-26"}""".formatted(programme, organisation))
                .status()).isEqualTo(201);
    }

    @Test
    void dryRunThenCommitThenTheSameFileWritesNothingAndALaterOneOnlyItsDifferences() throws IOException {
        byte[] march = tracker("2018-03-12",
                row(programme, ref + " 01", "Column B", "Early Resolution", "Business case", "Confident", "A", 5379, "3,461", 80.83555),
                row(programme, ref + " 02", "Day services", "", "Concept", "Stretch", "", 1200, "1,000.5", ""));
        String first = savingId(1);
        String second = savingId(2);

        JsonNode dryRun = imported("tracker-march.xlsx", march, true);
        assertThat(dryRun.path("outcome").asText()).isEqualTo("CHECKED");
        assertThat(dryRun.path("asAt").asText()).isEqualTo("2018-03-12");
        assertThat(dryRun.path("units").asText()).isEqualTo("£'000");
        assertThat(dryRun.path("rows").get(0).path("commands").findValuesAsText("command"))
                .containsExactly("ProposeSaving", "RecordSavingDelivered", "ChangeSavingRag");
        assertThat(dryRun.path("rows").get(0).path("commands").get(1).path("summary").asText())
                .isEqualTo("record delivery 2018/19: £80,835.55");
        assertThat(dryRun.path("rows").get(1).path("commands").findValuesAsText("command")).containsExactly("ProposeSaving");
        assertThat(events(first, second)).isZero();

        JsonNode committed = imported("tracker-march.xlsx", march, false);
        assertThat(committed.path("outcome").asText()).isEqualTo("WRITTEN");
        assertThat(committed.path("commandCount").asInt()).isEqualTo(4);
        assertThat(events(first, second)).isEqualTo(4);
        // planned 5,379,000 + 3,461,000 + 1,200,000 + 1,000,500; delivered 80,835.55; target 10,000,000
        JsonNode totals = summary("consistencyToken=" + committed.path("consistencyToken").asText()).path("totals");
        assertThat(totals.path("planned").decimalValue()).isEqualByComparingTo("11040500.00");
        assertThat(totals.path("delivered").decimalValue()).isEqualByComparingTo("80835.55");
        assertThat(totals.path("gapToTarget").decimalValue()).isEqualByComparingTo("-1040500.00");

        JsonNode again = imported("tracker-march.xlsx", march, false);
        assertThat(again.path("outcome").asText()).isEqualTo("NOTHING_TO_WRITE");
        assertThat(events(first, second)).isEqualTo(4);

        // by June 2018/19's delivery reached 250,000 and the line turned green; the other line is as it was
        byte[] june = tracker("2018-06-30",
                row(programme, ref + " 01", "Column B", "Early Resolution", "Business case", "Confident", "G", 5379, "3,461", 250),
                row(programme, ref + " 02", "Day services", "", "Concept", "Stretch", "", 1200, "1,000.5", ""));
        java.time.Instant beforeJune = java.time.Instant.now();
        JsonNode juneImport = imported("tracker-june.xlsx", june, false);
        assertThat(juneImport.path("rows").get(0).path("commands").findValuesAsText("summary")).containsExactly(
                "record delivery 2018/19: £169,164.45, from £80,835.55 to £250,000.00", "change RAG from AMBER to GREEN");
        assertThat(juneImport.path("rows").get(1).path("commands")).isEmpty();
        assertThat(events(first, second)).isEqualTo(6);

        String token = "consistencyToken=" + juneImport.path("consistencyToken").asText();
        assertThat(summary(token).path("totals").path("delivered").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(summary(token + "&effectiveOn=2018-04-01").path("totals").path("delivered").decimalValue())
                .isEqualByComparingTo("80835.55");
        assertThat(summary(token + "&asAt=" + beforeJune).path("totals").path("delivered").decimalValue())
                .isEqualByComparingTo("80835.55");
        JsonNode delivery = api.get("/api/savings/" + first + "/history?" + token).json().get(3);
        assertThat(delivery.path("type").asText()).isEqualTo("SavingDeliveryRecorded");
        assertThat(delivery.path("reason").asText()).isEqualTo("import tracker-june.xlsx row 6");
        assertThat(delivery.path("effectiveDate").asText()).isEqualTo("2018-06-30");
        assertThat(delivery.path("decisionRef").asText()).isEqualTo("Cabinet 2018-03-05 item 4");
    }

    @Test
    void aTrackerWithAProblemIsRefusedWholeAndNothingIsWritten() throws IOException {
        byte[] file = tracker("2018-03-12",
                row(programme, ref + " 01", "Column B", "", "Business case", "Confident", "A", 5379, "3,461", 1),
                row(programme, ref + " 02", "Day services", "", "Concept", "Stretch", "", "1.2.3", "", ""));

        ApiClient.Reply reply = api.postFile(importPath(false), "tracker.xlsx", file, null);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:tracker-has-problems");
        assertThat(reply.json().path("problems").get(0).path("cell").asText()).isEqualTo("Tracker!H7");
        assertThat(reply.json().path("problems").get(0).path("message").asText()).isEqualTo("\"1.2.3\" is not an amount");
        assertThat(events(savingId(1), savingId(2))).isZero();

        HttpResponse<byte[]> workbook = api.postFileForBytes(importPath(true), "tracker.xlsx", file, XLSX);
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type")).contains(XLSX);
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertThat(report.getSheetName(0)).isEqualTo("Import report");
            assertThat(report.getSheetName(1)).isEqualTo("Tracker");
            XSSFCell marked = report.getSheet("Tracker").getRow(6).getCell(7);
            assertThat(marked.getStringCellValue()).isEqualTo("1.2.3");
            assertThat(marked.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
            assertThat(marked.getCellComment().getString().getString()).isEqualTo("\"1.2.3\" is not an amount");
            assertThat(report.getSheet("Import report").getRow(1).getCell(1).getStringCellValue()).isEqualTo("HAS_PROBLEMS");
        }
        assertThat(events(savingId(1), savingId(2))).isZero();
    }

    @Test
    void anImportStoppedPartWaySaysWhatWasWrittenAndARunOfTheMendedFileCompletesIt() throws IOException {
        // two proposals of £600bn each: the second would take the programme's planned total past £1tn, a rule
        // only the programme's own total can check, so it is refused after the first was written
        byte[] tooMuch = tracker("2018-03-12",
                row(programme, ref + " 01", "Big", "", "Concept", "Stretch", "", 600000000, "", ""),
                row(programme, ref + " 02", "Bigger", "", "Concept", "Stretch", "", 600000000, "", ""));

        ApiClient.Reply stopped = api.postFile(importPath(false), "too-much.xlsx", tooMuch, null);

        assertThat(stopped.status()).isEqualTo(422);
        assertThat(stopped.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:rule:totals-within-money-limit");
        assertThat(stopped.json().path("detail").asText()).startsWith("import stopped at row 7 (propose saving \"Bigger\"")
                .contains("after 1 command(s) were written").endsWith("Run the import again to complete it: it sends only "
                        + "what still differs from the ledger");
        assertThat(stopped.json().path("written").findValuesAsText("savingId")).containsExactly(savingId(1));
        assertThat(stopped.json().path("stoppedAt").path("row").asInt()).isEqualTo(7);
        assertThat(stopped.json().path("notSent")).isEmpty();
        assertThat(events(savingId(1))).isEqualTo(1);
        assertThat(events(savingId(2))).isZero();

        byte[] mended = tracker("2018-03-12",
                row(programme, ref + " 01", "Big", "", "Concept", "Stretch", "", 600000000, "", ""),
                row(programme, ref + " 02", "Bigger", "", "Concept", "Stretch", "", 60000, "", ""));
        JsonNode completed = imported("mended.xlsx", mended, false);
        assertThat(completed.path("rows").get(0).path("commands")).isEmpty();
        assertThat(completed.path("rows").get(1).path("commands").findValuesAsText("command")).containsExactly("ProposeSaving");
        assertThat(events(savingId(1), savingId(2))).isEqualTo(2);
    }

    @Test
    void refusesOtherFormatsOversizeFilesViewersAndOtherOrganisations() throws IOException {
        byte[] file = tracker("2018-03-12", row(programme, ref + " 01", "Column B", "", "Concept", "Confident", "", 1, "", ""));

        ApiClient.Reply xls = api.postFile(importPath(true), "tracker.xls", new byte[] {(byte) 0xd0, (byte) 0xcf}, null);
        assertThat(xls.status()).isEqualTo(415);
        assertThat(xls.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:unsupported-file");
        ApiClient.Reply tooLarge = api.postFile(importPath(true), "tracker.csv", new byte[11 * 1024 * 1024], null);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(api.as("viewer-notts", "pw").postFile("/api/imports?organisation=nottinghamshire", "t.xlsx", file, null)
                .status()).isEqualTo(403);
        ApiClient.Reply otherOrganisation = api.as("editor-leics", "pw")
                .postFile("/api/imports?organisation=nottinghamshire&dryRun=false", "t.xlsx", file, null);
        assertThat(otherOrganisation.status()).isEqualTo(404);
        assertThat(otherOrganisation.json().path("detail").asText()).isEqualTo("no organisation with id 'nottinghamshire'");
        ApiClient.Reply badMapping = api.postFile(importPath(true), "t.xlsx", file, "{\"colums\": {}}");
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(events(savingId(1))).isZero();
    }

    private String savingId(int line) {
        return ref.toLowerCase() + "-0" + line;
    }

    private JsonNode imported(String name, byte[] file, boolean dryRun) {
        ApiClient.Reply reply = api.postFile(importPath(dryRun), name, file, null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private String importPath(boolean dryRun) {
        return "/api/imports?organisation=" + organisation + "&dryRun=" + dryRun;
    }

    private JsonNode summary(String query) {
        ApiClient.Reply reply = api.get("/api/programmes/" + programme + "?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private long events(String... savings) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in ("
                + String.join(",", java.util.Collections.nCopies(savings.length, "?")) + ")", Long.class, (Object[]) savings);
    }

    private static Object[] row(Object... cells) {
        return cells;
    }

    /** The import template's layout: settings in rows 1-3, headings in row 5, savings from row 6. */
    private static byte[] tracker(String asAt, Object[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Tracker");
            cells(sheet.createRow(0), "As at", asAt);
            cells(sheet.createRow(1), "Units", "£'000");
            cells(sheet.createRow(2), "Decision reference", "Cabinet 2018-03-05 item 4");
            cells(sheet.createRow(4), (Object[]) HEADINGS);
            for (int i = 0; i < rows.length; i++) {
                cells(sheet.createRow(5 + i), rows[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null && !values[i].toString().isEmpty()) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
