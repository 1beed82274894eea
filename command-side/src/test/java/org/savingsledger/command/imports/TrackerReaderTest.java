package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trackers as councils keep them, built in code: a notes sheet before the tracker, a hidden sheet of
 * old figures, a title and settings above a two-row header, the council's own headings mapped, £'000,
 * figures typed with commas, brackets and a "£1.2m", a formula, a hidden row and a column nobody mapped.
 */
class TrackerReaderTest {

    private static final FinancialYear Y18 = FinancialYear.of(2018);
    private static final FinancialYear Y19 = FinancialYear.of(2019);
    private static final Map<String, String> COUNCIL_HEADINGS = Map.of("Ref", "Saving id", "Scheme", "Title");

    @Test
    void readsAMessyCouncilTrackerCellByCell() throws IOException {
        Tracker tracker = TrackerReader.read("notts-tracker.xlsx", messyTracker(),
                new TrackerMapping(null, null, null, null, null, COUNCIL_HEADINGS));

        assertThat(tracker.sheet()).isEqualTo("Tracker");
        assertThat(tracker.asAt()).isEqualTo(LocalDate.of(2018, 3, 12));
        assertThat(tracker.units()).isEqualTo(Units.THOUSANDS);
        assertThat(tracker.decisionReference()).isEqualTo("ASC&PH Committee 2018-03-12 item 9");
        assertThat(tracker.problems()).extracting(TrackerProblem::toString).containsExactly(
                "Tracker!D11: \"1.2.3\" is not an amount",
                "Tracker!E11: \"0.000001\" (£'000) is £0.001, more precise than a penny",
                "Tracker!G11: \"Maybe\" is not a Stage: write one of Concept, Business case, In delivery, Delivered",
                "Tracker!H11: \"Purple\" is not a RAG: write one of Red, Amber, Green");
        assertThat(tracker.leftOut()).containsExactlyInAnyOrder(
                "sheet 'Read me' ignored",
                "hidden sheet 'Old figures' ignored",
                "column I \"Comments\" ignored: not a template heading and not mapped to one",
                "hidden row 9 ignored");

        assertThat(tracker.lines()).extracting(TrackerLine::row).containsExactly(8, 10, 11);
        TrackerLine columnB = tracker.lines().get(0);
        assertThat(columnB.programmeId()).isEqualTo("notts-asc");
        assertThat(columnB.savingId()).isEqualTo("asc-01");
        assertThat(columnB.title()).isEqualTo("Column B");
        // 5379 (a number) and "3,461" (text) in £'000; "(12.5)" an accounting negative
        assertThat(columnB.planned()).isEqualTo(years(Y18, "5379000.00", Y19, "3461000.00"));
        assertThat(columnB.delivered()).isEqualTo(new TreeMap<>(Map.of(Y18, new BigDecimal("-12500.00"))));
        assertThat(columnB.stage()).isEqualTo(Stage.BUSINESS_CASE);
        assertThat(columnB.rag()).isEqualTo(Rag.AMBER);
        assertThat(columnB.workstream()).isNull();
        assertThat(columnB.given()).containsExactlyInAnyOrder(TrackerField.PROGRAMME, TrackerField.SAVING_ID, TrackerField.TITLE,
                TrackerField.PLANNED, TrackerField.DELIVERED, TrackerField.STAGE, TrackerField.RAG);

        TrackerLine formulas = tracker.lines().get(1);
        assertThat(formulas.savingId()).isEqualTo("asc-03");
        // =2000+379 by its cached value; "£1.2m" names its own unit; a blank delivered cell is zero
        assertThat(formulas.planned()).isEqualTo(years(Y18, "2379000.00", Y19, "1200000.00"));
        assertThat(formulas.delivered()).isEqualTo(new TreeMap<>(Map.of(Y18, new BigDecimal("0.00"))));
        assertThat(formulas.stage()).isEqualTo(Stage.IN_DELIVERY);
        assertThat(formulas.rag()).isEqualTo(Rag.GREEN);
    }

    @Test
    void readsATemplateCsvSavedByExcelInTheWindowsCodePage() {
        String csv = "As at,12/03/2018\r\nUnits,£m\r\n\r\nProgramme,Saving id,Title,Stage,Confidence,Planned 2018/19,Planned 2019-20\r\n"
                + "notts-asc,ASC 01,Column B,Concept,Stretch,0.25,\"1,000\"\r\n";
        for (Charset charset : new Charset[] {Charset.forName("windows-1252"), StandardCharsets.UTF_8}) {
            Tracker tracker = TrackerReader.read("tracker.csv", csv.getBytes(charset), TrackerMapping.NONE);

            assertThat(tracker.problems()).isEmpty();
            assertThat(tracker.sheet()).isEqualTo("tracker");
            assertThat(tracker.units()).isEqualTo(Units.MILLIONS);
            assertThat(tracker.asAt()).isEqualTo(LocalDate.of(2018, 3, 12));
            assertThat(tracker.lines().get(0).planned()).isEqualTo(years(Y18, "250000.00", Y19, "1000000000.00"));
        }
    }

    @Test
    void namesWhatIsMissingAboveTheHeaderAndEveryMappingThatMissed() {
        String csv = "Programme,Ref,Title,Planned 2018/19\r\nnotts-asc,ASC 01,Column B,5\r\n";

        Tracker tracker = TrackerReader.read("tracker.csv", csv.getBytes(StandardCharsets.UTF_8),
                new TrackerMapping(null, null, null, null, null, Map.of("Ref", "Saving id", "Target 18/19", "Planned 2018/19",
                        "Title", "Heading")));

        assertThat(tracker.problems()).extracting(TrackerProblem::toString).containsExactlyInAnyOrder(
                "no \"As at\" date: write it above the header row (\"As at\" in column A, the date in column B) or send asAt "
                        + "in the mapping; it is the effective date of the tracker's changes",
                "no \"Units\": write £, £'000 or £m above the header row (\"Units\" in column A) or send units in the mapping",
                "tracker!C1: \"Title\" is mapped to \"Heading\", which is not a template heading (see docs/import.md)",
                "the mapping names the heading \"target 18/19\", which is not in the header row 1 of sheet 'tracker'");
    }

    @Test
    void aTrackerWithoutASavingIdHeadingHasNoHeaderRow() {
        Tracker tracker = TrackerReader.read("t.csv", "Programme,Title\r\na,b\r\n".getBytes(StandardCharsets.UTF_8),
                TrackerMapping.NONE);

        assertThat(tracker.problems()).extracting(TrackerProblem::toString).containsExactly(
                "sheet 't' has no header row: no column headed \"Saving id\" in its first 50 rows");
        assertThat(tracker.lines()).isEmpty();
    }

    private static TreeMap<FinancialYear, BigDecimal> years(FinancialYear first, String a, FinancialYear second, String b) {
        return new TreeMap<>(Map.of(first, new BigDecimal(a), second, new BigDecimal(b)));
    }

    /** The tracker of the class comment; rows and columns as a spreadsheet numbers them in the comments. */
    static byte[] messyTracker() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Read me").createRow(0).createCell(0).setCellValue("Figures in £'000. Do not edit column I.");
            XSSFSheet sheet = workbook.createSheet("Tracker");
            workbook.createSheet("Old figures").createRow(0).createCell(0).setCellValue("Saving id");
            workbook.setSheetHidden(2, true);
            CreationHelper helper = workbook.getCreationHelper();
            XSSFCellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));

            sheet.createRow(0).createCell(0).setCellValue("Nottinghamshire ASC savings tracker");           // A1
            Row asAt = sheet.createRow(1);                                                                 // A2:B2
            asAt.createCell(0).setCellValue("As at:");
            asAt.createCell(1).setCellValue(LocalDate.of(2018, 3, 12));
            asAt.getCell(1).setCellStyle(date);
            values(sheet.createRow(2), "Units", "£'000");                                                  // A3:B3
            values(sheet.createRow(3), "Decision reference", "ASC&PH Committee 2018-03-12 item 9");        // A4:B4
            values(sheet.createRow(5), "", "", "", "Planned", "", "Delivered");                            // D6:E6 merged
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 3, 4));
            values(sheet.createRow(6), "Programme", "Ref", "Scheme", "2018/19", "2019/20", "2018/19", "Stage", "RAG", "Comments");
            Row columnB = values(sheet.createRow(7), "notts-asc", "ASC 01", "Column B", null, "3,461", "(12.5)",
                    "Business case", "A", "agreed with finance");                                          // row 8
            columnB.createCell(3).setCellValue(5379);
            Row hidden = values(sheet.createRow(8), "notts-asc", "ASC 02", "Withdrawn idea", "10");        // row 9, hidden
            hidden.setZeroHeight(true);
            Row formulas = values(sheet.createRow(9), "notts-asc", "ASC-03", "Formula line", null, "£1.2m", "",
                    "In delivery", "Green");                                                               // row 10
            formulas.createCell(3).setCellFormula("2000+379");
            Row bad = values(sheet.createRow(10), "notts-asc", "ASC 04", "Bad figures", "1.2.3", null, "", "Maybe", "Purple");
            bad.createCell(4).setCellValue(0.000001);                                                      // row 11
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static Row values(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }
}
