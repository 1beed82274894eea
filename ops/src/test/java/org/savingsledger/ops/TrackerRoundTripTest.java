package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracker exported from the ledger imports back unchanged, and, imported as another programme, reproduces
 * its positions: the same planned, delivered and undelivered money per year and in total, the same stages,
 * confidence, RAG, posts and withdrawals. (History is not copied: the copy's figures all take effect on the
 * export's date, and slips arrive as the profile they left.)
 */
@AllInOneTest
class TrackerRoundTripTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Test
    void anExportedTrackerImportsBackUnchangedAndAsACopyReproducesThePositions() throws IOException {
        ApiClient api = new ApiClient(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String organisation = "county-" + unique;
        String programme = "trip-" + unique;
        api.withOrganisation(organisation);
        launch(api, organisation, programme);
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s-1", "title": "Column B", "workstream": "Early Resolution", "owner": "Service Director",
                 "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "effectiveDate": "2018-02-26",
                 "profile": {"2018/19": 5379000, "2019/20": 3461000, "2020/21": 1696000}}""".formatted(programme)));
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s-2", "title": "Day services", "confidence": "STRETCH", "stage": "CONCEPT", "recurrence": "ONE_OFF",
                 "category": "COST_AVOIDANCE", "effectiveDate": "2018-02-26", "posts": {"2018/19": 2.5},
                 "profile": {"2018/19": 250000, "2019/20": 500000}}""".formatted(programme)));
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s-3", "title": "Dropped idea", "confidence": "CONFIDENT", "stage": "CONCEPT",
                 "effectiveDate": "2018-02-26", "profile": {"2018/19": 100000}}""".formatted(programme)));
        ok(api.post("/api/savings/" + programme + "-1/slips", """
                {"fromYear": "2018/19", "toYear": "2020/21", "amount": 1000000, "reason": "at risk", "effectiveDate": "2018-03-12"}"""));
        ok(api.post("/api/savings/" + programme + "-1/deliveries", """
                {"year": "2018/19", "amount": 80835.55, "reason": "Q1", "effectiveDate": "2018-06-30"}"""));
        ok(api.post("/api/savings/" + programme + "-1/rag", """
                {"status": "AMBER", "reason": "Q1 review", "effectiveDate": "2018-06-30"}"""));
        String token = ok(api.post("/api/savings/" + programme + "-3/withdrawal", """
                {"reason": "not pursued", "effectiveDate": "2018-06-30"}"""));

        byte[] exported = download(api, "/api/programmes/" + programme + ".xlsx?effectiveOn=2019-03-31&consistencyToken=" + token);

        JsonNode back = api.postFile("/api/imports?organisation=" + organisation + "&dryRun=false", "exported.xlsx", exported, null)
                .json();
        assertThat(back.path("outcome").asText()).as(back.toString()).isEqualTo("NOTHING_TO_WRITE");

        String copyOrganisation = "copy-" + unique;
        String copy = "copy-" + programme;
        api.withOrganisation(copyOrganisation);
        launch(api, copyOrganisation, copy);
        JsonNode written = api.postFile("/api/imports?organisation=" + copyOrganisation + "&dryRun=false", "copy.xlsx",
                renamed(exported, programme, copy), null).json();
        assertThat(written.path("outcome").asText()).as(written.toString()).isEqualTo("WRITTEN");
        String copyToken = written.path("consistencyToken").asText();

        JsonNode original = api.get("/api/programmes/" + programme + "?consistencyToken=" + copyToken).json();
        JsonNode reproduced = api.get("/api/programmes/" + copy + "?consistencyToken=" + copyToken).json();
        // planned counts the withdrawn saving as 0: 4,379,000 + 3,461,000 + 2,696,000 + 250,000 + 500,000
        assertThat(original.path("totals").path("planned").decimalValue()).isEqualByComparingTo("11286000.00");
        assertThat(original.path("totals").path("delivered").decimalValue()).isEqualByComparingTo("80835.55");
        for (String field : List.of("totals", "byStage", "byConfidence", "byRag", "byCategory", "savingsCount",
                "withdrawnSavingsCount")) {
            assertThat(original.has(field)).as(field).isTrue();
            assertThat(reproduced.path(field)).as(field).isEqualTo(original.path(field));
        }
        for (int y = 0; y < 3; y++) {
            for (String field : List.of("year", "planned", "delivered", "undelivered", "cumulativePlanned", "cumulativeDelivered",
                    "postsPlanned", "postsDelivered")) {
                assertThat(original.path("years").get(y).has(field)).as(field).isTrue();
                assertThat(reproduced.path("years").get(y).path(field)).as(field + " " + y)
                        .isEqualTo(original.path("years").get(y).path(field));
            }
        }
        JsonNode copiedSecond = api.get("/api/savings/copy-" + programme + "-2?consistencyToken=" + copyToken).json();
        assertThat(copiedSecond.path("recurrence").asText()).isEqualTo("ONE_OFF");
        assertThat(copiedSecond.path("category").asText()).isEqualTo("COST_AVOIDANCE");
        assertThat(copiedSecond.path("postsPlanned").path("2018/19").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(api.get("/api/savings/copy-" + programme + "-3?consistencyToken=" + copyToken).json()
                .path("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void theBlankTemplateHasTheHeadingsTheImportReads() throws IOException {
        byte[] template = download(new ApiClient(port), "/api/imports/template.xlsx");
        String thisYear = org.savingsledger.shared.FinancialYear.containing(LocalDate.now(ZoneId.of("Europe/London"))).toString();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheet("Tracker");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("As at");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("£");
            List<String> headings = new ArrayList<>();
            sheet.getRow(4).forEach(cell -> headings.add(cell.getStringCellValue()));
            assertThat(headings).startsWith("Programme", "Saving id", "Title").contains("Planned " + thisYear,
                    "Delivered " + thisYear, "Withdrawn");
        }
    }

    private static void launch(ApiClient api, String organisation, String programme) {
        ApiClient.Reply reply = api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Transformation", "savingsTarget": 17981000,
                 "firstYear": "2018/19", "lastYear": "2020/21", "effectiveDate": "2018-02-26"}""".formatted(programme, organisation));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static String ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("consistencyToken").asText();
    }

    private static byte[] download(ApiClient api, String path) {
        HttpResponse<byte[]> response = api.getBytes(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(XLSX);
        return response.body();
    }

    /** The workbook with every Programme and Saving id cell renamed from {@code programme} to {@code copy}. */
    private static byte[] renamed(byte[] workbook, String programme, String copy) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.getSheet("Tracker");
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                for (int c = 0; c < 2; c++) {
                    Cell cell = row.getCell(c);
                    cell.setCellValue(cell.getStringCellValue().replace(programme, copy));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
