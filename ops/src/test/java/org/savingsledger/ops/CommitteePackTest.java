package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.reading.CouncilTime;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The committee pack (docs/committee-pack.md): a report as an .xlsx read back with POI. Two programmes whose
 * ids are equal in their first 31 characters (so their sheet names must be told apart), three savings, a first
 * report, then a delivery, a slip, a RAG change and a target revision effective after the meeting, then a
 * second report. Expected figures are worked out by hand from those commands.
 */
@AllInOneTest
class CommitteePackTest {

    private static final String MONEY = "\"£\"#,##0.00;[Red]-\"£\"#,##0.00";
    private static final String ORGANISATION = "nottinghamshire";

    @LocalServerPort
    int port;

    ApiClient api;
    String token;
    String programmeA;
    String programmeB;
    String reablement;
    String transport;
    String libraries;
    String committee;
    String firstReport;
    String secondReport;

    @BeforeEach
    void twoProgrammesThreeSavingsAndTwoReports() {
        api = new ApiClient(port).withOrganisation(ORGANISATION);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String longPrefix = "pack-" + run + "-adult-social-care-and-health-";
        programmeA = created(api.post("/api/programmes", """
                {"id": "%sa", "organisation": "%s", "name": "Adults transformation", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2019/20", "effectiveDate": "2018-02-01"}"""
                .formatted(longPrefix, ORGANISATION)));
        programmeB = created(api.post("/api/programmes", """
                {"id": "%sb", "organisation": "%s", "name": "Communities", "savingsTarget": 500000,
                 "firstYear": "2018/19", "lastYear": "2018/19", "effectiveDate": "2018-02-01"}"""
                .formatted(longPrefix, ORGANISATION)));
        reablement = created(api.post("/api/programmes/" + programmeA + "/savings", """
                {"id": "pack-reablement-%s", "title": "Reablement", "workstream": "Promoting independence",
                 "owner": "J. Smith", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 300000, "2019/20": 200000}, "effectiveDate": "2018-02-01"}""".formatted(run)));
        ok(api.post("/api/savings/" + reablement + "/rag", """
                {"status": "RED", "reason": "behind plan", "effectiveDate": "2018-02-05"}"""));
        transport = created(api.post("/api/programmes/" + programmeA + "/savings", """
                {"id": "pack-transport-%s", "title": "=2+3 Transport", "confidence": "STRETCH", "stage": "CONCEPT",
                 "profile": {"2018/19": 100000}, "effectiveDate": "2018-02-01"}""".formatted(run)));
        libraries = created(api.post("/api/programmes/" + programmeB + "/savings", """
                {"id": "pack-libraries-%s", "title": "Libraries", "confidence": "CONFIDENT", "stage": "BUSINESS_CASE",
                 "profile": {"2018/19": 250000.50}, "effectiveDate": "2018-02-01"}""".formatted(run)));
        ok(api.post("/api/savings/" + libraries + "/rag", """
                {"status": "GREEN", "reason": "on track", "effectiveDate": "2018-02-05"}"""));
        committee = created(api.post("/api/committees", """
                {"id": "pack-committee-%s", "organisation": "%s", "name": "Adults & Health Committee"}"""
                .formatted(run, ORGANISATION)));
        ok(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programmeA + "\"}"));
        ok(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programmeB + "\"}"));
        firstReport = created(api.post("/api/committees/" + committee + "/reports", """
                {"meetingDate": "2018-03-12", "title": "Position at February"}"""));

        ok(api.post("/api/savings/" + reablement + "/deliveries", """
                {"year": "2018/19", "amount": 120000, "reason": "Q4 outturn", "decisionRef": "Cabinet 2018-04-10 item 7",
                 "effectiveDate": "2018-03-31"}"""));
        ok(api.post("/api/savings/" + reablement + "/slips", """
                {"fromYear": "2018/19", "toYear": "2019/20", "amount": 50000, "reason": "Recruitment delayed",
                 "decisionRef": "DR-42", "effectiveDate": "2018-03-20"}"""));
        ok(api.post("/api/savings/" + transport + "/rag", """
                {"status": "AMBER", "reason": "Newton: at risk", "effectiveDate": "2018-03-25"}"""));
        ok(api.post("/api/programmes/" + programmeB + "/target", """
                {"savingsTarget": 600000, "reason": "Budget 2018/19", "decisionRef": "Council 2018-02-22",
                 "effectiveDate": "2018-05-01"}"""));
        secondReport = created(api.post("/api/committees/" + committee + "/reports", """
                {"meetingDate": "2018-04-16", "title": "=1+1 Position at March"}"""));
    }

    @Test
    void theSummaryHasEachProgrammesFiguresAndRagCountsAsPresentedWithATotalsRow() throws IOException {
        Download download = download("admin", null, pack(secondReport) + "?consistencyToken=" + token);
        assertThat(download.status()).as(download.text()).isEqualTo(200);
        assertThat(download.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + committee + "-" + secondReport + ".xlsx\"");
        Instant presentedAt = presentedAt(secondReport);

        try (XSSFWorkbook workbook = download.workbook()) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList())
                    .containsExactly("Summary", programmeA.substring(0, 31), programmeB.substring(0, 29) + "~2",
                            "Changes since previous report");
            Sheet summary = workbook.getSheet("Summary");
            assertThat(text(summary, 0, 0)).isEqualTo(
                    "Adults & Health Committee: =1+1 Position at March, meeting of 16 April 2018");
            assertThat(text(summary, 1, 1)).isEqualTo("Adults & Health Committee");
            assertThat(date(summary, 3, 1)).isEqualTo(LocalDate.of(2018, 4, 16));
            assertThat(date(summary, 4, 1)).isEqualTo(LocalDate.of(2018, 4, 16));
            assertThat(cell(summary, 5, 1).getLocalDateTimeCellValue())
                    .isCloseTo(LocalDateTime.ofInstant(presentedAt, CouncilTime.LONDON), within(1, ChronoUnit.MILLIS));
            assertThat(row(summary, 7)).containsExactly("Programme", "Name", "Savings target", "Planned", "Delivered",
                    "Undelivered", "Gap to target", "Red", "Amber", "Green", "RAG not set");
            assertFrozen(summary, 8, 1);
            // A: planned 300,000 + 200,000 + 100,000; delivered 120,000; gap 1,000,000 - 600,000; Reablement red, Transport amber
            assertThat(text(summary, 8, 0)).isEqualTo(programmeA);
            assertThat(text(summary, 8, 1)).isEqualTo("Adults transformation");
            assertThat(numbers(summary, 8, 2, 11)).containsExactly(1000000.0, 600000.0, 120000.0, 480000.0, 400000.0,
                    1.0, 1.0, 0.0, 0.0);
            // B: the target revised to 600,000 takes effect after the meeting, so 500,000 as presented
            assertThat(text(summary, 9, 0)).isEqualTo(programmeB);
            assertThat(numbers(summary, 9, 2, 11)).containsExactly(500000.0, 250000.50, 0.0, 250000.50, 249999.50,
                    0.0, 0.0, 1.0, 0.0);
            assertThat(text(summary, 10, 0)).isEqualTo("Total");
            assertThat(numbers(summary, 10, 2, 11)).containsExactly(1500000.0, 850000.50, 120000.0, 730000.50,
                    649999.50, 1.0, 1.0, 1.0, 0.0);
            for (int column = 2; column <= 6; column++) {
                assertThat(cell(summary, 8, column).getCellStyle().getDataFormatString()).isEqualTo(MONEY);
                assertThat(cell(summary, 10, column).getCellStyle().getDataFormatString()).isEqualTo(MONEY);
            }
            assertThat(cell(summary, 7, 0).getCellStyle().getFontIndex()).isNotZero();
            assertThat(workbook.getFontAt(cell(summary, 7, 0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(summary.getColumnWidth(1)).isEqualTo(36 * 256);

            assertThat(workbook.getProperties().getCoreProperties().getCreator()).isEqualTo("Savings Ledger");
            assertThat(workbook.getProperties().getCoreProperties().getCreated().toInstant())
                    .isEqualTo(presentedAt.truncatedTo(ChronoUnit.SECONDS));
            assertThat(workbook.getProperties().getCoreProperties().getModified().toInstant())
                    .isEqualTo(presentedAt.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    void aProgrammeSheetHasItsYearsAndItsSavingsLinesAsPresented() throws IOException {
        try (XSSFWorkbook workbook = download("admin", null, pack(secondReport) + "?consistencyToken=" + token).workbook()) {
            Sheet a = workbook.getSheetAt(1);
            assertThat(text(a, 0, 0)).isEqualTo("Adults transformation: =1+1 Position at March, meeting of 16 April 2018");
            assertThat(date(a, 1, 1)).isEqualTo(LocalDate.of(2018, 4, 16));
            assertThat(text(a, 3, 1)).isEqualTo(programmeA);
            assertThat(cell(a, 4, 1).getNumericCellValue()).isEqualTo(1000000.0);
            assertFrozen(a, 5, 1);
            assertThat(row(a, 7)).containsExactly("Year", "Planned", "Delivered", "Slipped in", "Slipped out",
                    "Undelivered", "Cumulative planned", "Cumulative delivered");
            // 2018/19: 300,000 - 50,000 slipped + 100,000 planned, 120,000 delivered
            assertThat(text(a, 8, 0)).isEqualTo("2018/19");
            assertThat(numbers(a, 8, 1, 8)).containsExactly(350000.0, 120000.0, 0.0, 50000.0, 230000.0, 350000.0, 120000.0);
            assertThat(text(a, 9, 0)).isEqualTo("2019/20");
            assertThat(numbers(a, 9, 1, 8)).containsExactly(250000.0, 0.0, 50000.0, 0.0, 250000.0, 600000.0, 120000.0);
            assertThat(text(a, 10, 0)).isEqualTo("Total");
            assertThat(numbers(a, 10, 1, 6)).containsExactly(600000.0, 120000.0, 50000.0, 50000.0, 480000.0);
            assertThat(cell(a, 8, 1).getCellStyle().getDataFormatString()).isEqualTo(MONEY);

            assertThat(text(a, 12, 0)).isEqualTo("Savings as presented");
            assertThat(row(a, 13)).containsExactly("Saving", "Title", "Workstream", "Owner", "Stage", "Confidence", "RAG",
                    "Withdrawn", "2018/19 planned", "2018/19 delivered", "2019/20 planned", "2019/20 delivered",
                    "Total planned", "Total delivered");
            assertThat(row(a, 14).subList(0, 8)).containsExactly(reablement, "Reablement", "Promoting independence",
                    "J. Smith", "IN_DELIVERY", "CONFIDENT", "RED", "No");
            assertThat(numbers(a, 14, 8, 14)).containsExactly(250000.0, 120000.0, 250000.0, 0.0, 500000.0, 120000.0);
            assertThat(row(a, 15).subList(0, 8)).containsExactly(transport, "=2+3 Transport", "", "", "CONCEPT",
                    "STRETCH", "AMBER", "No");
            assertThat(numbers(a, 15, 8, 14)).containsExactly(100000.0, 0.0, 0.0, 0.0, 100000.0, 0.0);
            assertThat(cell(a, 14, 13).getCellStyle().getDataFormatString()).isEqualTo(MONEY);
            assertThat(a.getLastRowNum()).isEqualTo(15);

            Sheet b = workbook.getSheetAt(2);
            assertThat(text(b, 3, 1)).isEqualTo(programmeB);
            assertThat(cell(b, 4, 1).getNumericCellValue()).isEqualTo(500000.0);
            // one year, so its savings lines start a row earlier than A's
            assertThat(row(b, 13).subList(0, 7)).containsExactly(libraries, "Libraries", "", "", "BUSINESS_CASE",
                    "CONFIDENT", "GREEN");
            assertThat(numbers(b, 13, 8, 12)).containsExactly(250000.50, 0.0, 250000.50, 0.0);
        }
    }

    @Test
    void theChangesSheetListsEveryChangeRecordedSinceThePreviousReportWithWhoWhyAndDecision() throws IOException {
        Instant firstPresentedAt = presentedAt(firstReport);
        try (XSSFWorkbook workbook = download("admin", null, pack(secondReport) + "?consistencyToken=" + token).workbook()) {
            Sheet changes = workbook.getSheet("Changes since previous report");
            assertThat(text(changes, 1, 1)).isEqualTo("Position at February, meeting of 12 March 2018 (report "
                    + firstReport + ")");
            assertThat(cell(changes, 2, 1).getLocalDateTimeCellValue()).isCloseTo(LocalDateTime.ofInstant(
                    firstPresentedAt, CouncilTime.LONDON), within(1, ChronoUnit.MILLIS));
            assertThat(row(changes, 5)).containsExactly("Programme", "Saving", "Change", "Field", "Year", "Before",
                    "After", "New value", "Recorded at (UK time)", "Effective date", "In this report's figures", "Who",
                    "Why", "Decision reference");
            assertFrozen(changes, 6, 0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 6; r <= changes.getLastRowNum(); r++) {
                List<String> values = new ArrayList<>(row(changes, r));
                while (values.size() < 14) {
                    values.add("");
                }
                rows.add(List.of(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                        values.get(5), values.get(6), values.get(7), values.get(10), values.get(11), values.get(12),
                        values.get(13)));
            }
            assertThat(rows).containsExactly(
                    List.of(programmeA, reablement, "SavingDeliveryRecorded", "delivered", "2018/19", "0.0", "120000.0",
                            "", "Yes", "admin", "Q4 outturn", "Cabinet 2018-04-10 item 7"),
                    List.of(programmeA, reablement, "SavingSlippedToYear", "planned", "2018/19", "300000.0", "250000.0",
                            "", "Yes", "admin", "Recruitment delayed", "DR-42"),
                    List.of(programmeA, reablement, "SavingSlippedToYear", "planned", "2019/20", "200000.0", "250000.0",
                            "", "Yes", "admin", "Recruitment delayed", "DR-42"),
                    List.of(programmeA, transport, "SavingRagChanged", "rag", "", "", "", "AMBER", "Yes", "admin",
                            "Newton: at risk", ""),
                    List.of(programmeB, "", "ProgrammeTargetRevised", "savingsTarget", "", "500000.0", "600000.0", "",
                            "No", "admin", "Budget 2018/19", "Council 2018-02-22"));
            assertThat(date(changes, 6, 9)).isEqualTo(LocalDate.of(2018, 3, 31));
            assertThat(cell(changes, 6, 5).getCellStyle().getDataFormatString()).isEqualTo(MONEY);
            assertThat(DateUtil.isCellDateFormatted(cell(changes, 6, 8))).isTrue();
        }
    }

    @Test
    void theFirstReportsChangesSheetSaysThereWasNoPreviousReportAndListsEverythingUpToIt() throws IOException {
        try (XSSFWorkbook workbook = download("admin", null, pack(firstReport) + "?consistencyToken=" + token).workbook()) {
            Sheet summary = workbook.getSheet("Summary");
            // as presented at the first meeting: no delivery, no slip, Transport had no RAG status
            assertThat(numbers(summary, 8, 2, 11)).containsExactly(1000000.0, 600000.0, 0.0, 600000.0, 400000.0,
                    1.0, 0.0, 0.0, 1.0);
            Sheet changes = workbook.getSheet("Changes since previous report");
            assertThat(text(changes, 1, 1)).startsWith("None: this is the committee's first report");
            assertThat(row(changes, 4).get(0)).isEqualTo("Programme");
            assertFrozen(changes, 5, 0);
            List<String> types = new ArrayList<>();
            for (int r = 5; r <= changes.getLastRowNum(); r++) {
                types.add(text(changes, r, 2));
            }
            assertThat(types).contains("ProgrammeLaunched", "SavingProposed", "SavingRagChanged")
                    .doesNotContain("SavingDeliveryRecorded", "SavingSlippedToYear", "ProgrammeTargetRevised");
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysInertText() throws IOException {
        try (XSSFWorkbook workbook = download("admin", null, pack(secondReport) + "?consistencyToken=" + token).workbook()) {
            Cell title = cell(workbook.getSheet("Summary"), 2, 1);
            assertThat(title.getCellType()).isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("=1+1 Position at March");
            assertThat(title.getCellStyle().getQuotePrefixed()).isTrue();
            Cell saving = cell(workbook.getSheetAt(1), 15, 1);
            assertThat(saving.getCellType()).isEqualTo(CellType.STRING);
            assertThat(saving.getStringCellValue()).isEqualTo("=2+3 Transport");
            assertThat(saving.getCellStyle().getQuotePrefixed()).isTrue();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void theSameReportGivesTheSameBytesAfterLaterWritesAndItsZipEntriesCarryThePresentationTime() {
        Download before = download("admin", null, pack(secondReport) + "?consistencyToken=" + token);
        assertThat(before.status()).isEqualTo(200);
        ok(api.post("/api/savings/" + libraries + "/deliveries", """
                {"year": "2018/19", "amount": 1000, "reason": "recorded after the report"}"""));
        Download after = download("admin", null, pack(secondReport) + "?consistencyToken=" + token);
        Download viewer = download("viewer-notts", "pw", pack(secondReport) + "?consistencyToken=" + token);

        assertThat(after.body()).isEqualTo(before.body());
        assertThat(viewer.body()).isEqualTo(before.body());
        Instant presentedAt = presentedAt(secondReport);
        LocalDateTime local = LocalDateTime.ofInstant(presentedAt, CouncilTime.LONDON);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(before.body()))) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                // zip times have a resolution of two seconds
                assertThat(entry.getTimeLocal()).as(entry.getName()).isBetween(local.minusSeconds(2), local);
            }
            assertThat(names).startsWith("[Content_Types].xml").contains("xl/workbook.xml", "docProps/core.xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anotherOrganisationsReportAndAnUnknownOneAreNotFoundExactlyAsTheJsonReport() {
        String wait = "?consistencyToken=" + token;
        Download foreign = download("editor-leics", "pw", pack(secondReport) + wait);
        ApiClient.Reply foreignJson = new ApiClient(port).as("editor-leics", "pw").get(report(secondReport) + wait);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreignJson.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.text()).doesNotContain("Adults");
        assertSameProblem(foreign, foreignJson);

        Download unknown = download("admin", null, pack("pack-no-such-report"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        Download unknownCommittee = download("admin", null,
                "/api/committees/pack-no-such-committee/reports/" + secondReport + ".xlsx");
        assertThat(unknownCommittee.status()).isEqualTo(404);

        // asked as at before its presentation: the JSON report's 404, firstRecordedAt included
        String asAt = "?asAt=2018-01-01&consistencyToken=" + token;
        Download early = download("admin", null, pack(secondReport) + asAt);
        ApiClient.Reply earlyJson = api.get(report(secondReport) + asAt);
        assertThat(early.status()).isEqualTo(404);
        assertThat(earlyJson.status()).isEqualTo(404);
        assertSameProblem(early, earlyJson);
        assertThat(earlyJson.json().path("firstRecordedAt").asText()).isNotEmpty();
    }

    /** The same problem as the JSON report's but for {@code instance}, the path asked. */
    private static void assertSameProblem(Download download, ApiClient.Reply json) {
        JsonNode problem = new ApiClient.Reply(download.status(), download.header("Content-Type"), null, download.text(),
                download.headers()).json();
        for (String field : List.of("type", "title", "status", "detail", "firstRecordedAt")) {
            assertThat(problem.path(field)).as(field).isEqualTo(json.json().path(field));
        }
    }

    private Instant presentedAt(String reportId) {
        ApiClient.Reply reply = api.get(report(reportId) + "?consistencyToken=" + token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Instant.parse(reply.json().path("presentedAt").asText());
    }

    private String report(String reportId) {
        return "/api/committees/" + committee + "/reports/" + reportId;
    }

    private String pack(String reportId) {
        return report(reportId) + ".xlsx";
    }

    private static void assertFrozen(Sheet sheet, int topRow, int leftColumn) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as(sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitTopRow()).as(sheet.getSheetName()).isEqualTo((short) topRow);
        assertThat(pane.getVerticalSplitLeftColumn()).as(sheet.getSheetName()).isEqualTo((short) leftColumn);
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        assertThat(r).as(sheet.getSheetName() + " row " + row).isNotNull();
        Cell cell = r.getCell(column);
        assertThat(cell).as(sheet.getSheetName() + " row " + row + " column " + column).isNotNull();
        return cell;
    }

    private static String text(Sheet sheet, int row, int column) {
        return cell(sheet, row, column).getStringCellValue();
    }

    private static LocalDate date(Sheet sheet, int row, int column) {
        Cell cell = cell(sheet, row, column);
        assertThat(DateUtil.isCellDateFormatted(cell)).as(cell.getAddress().toString()).isTrue();
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    private static List<Double> numbers(Sheet sheet, int row, int fromColumn, int toColumn) {
        List<Double> numbers = new ArrayList<>();
        for (int column = fromColumn; column < toColumn; column++) {
            numbers.add(cell(sheet, row, column).getNumericCellValue());
        }
        return numbers;
    }

    /** Every cell of a row up to its last, blank ones as "", numbers as Java writes a double. */
    private static List<String> row(Sheet sheet, int row) {
        Row r = sheet.getRow(row);
        assertThat(r).as(sheet.getSheetName() + " row " + row).isNotNull();
        List<String> values = new ArrayList<>();
        for (int column = 0; column < r.getLastCellNum(); column++) {
            Cell cell = r.getCell(column);
            values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return values;
    }

    private Download download(String user, String password, String path) {
        String authorization = password == null ? ApiClient.adminAuthorization()
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private record Download(int status, HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        XSSFWorkbook workbook() {
            assertThat(status).as(text()).isEqualTo(200);
            try {
                return new XSSFWorkbook(new ByteArrayInputStream(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
