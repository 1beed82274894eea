package org.savingsledger.command.imports;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A dry run's report as a workbook a finance officer mends the tracker from: the sheet as it was read,
 * each problem cell filled red with the problem in its comment, and an "Import report" sheet listing
 * the commands per row, every problem and what was left out. Every value is written as a plain value
 * (text as text), so nothing a tracker held can become a formula here.
 */
final class ImportReportWorkbook {

    private static final String REPORT = "Import report";

    private ImportReportWorkbook() {
    }

    static byte[] of(Tracker tracker, ImportReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFCellStyle bold = workbook.createCellStyle();
            XSSFFont font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            summary(workbook.createSheet(tracker.grid().sheet().equalsIgnoreCase(REPORT) ? REPORT + " (ledger)" : REPORT),
                    report, bold);
            marked(workbook, tracker, report);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(XSSFSheet sheet, ImportReport report, XSSFCellStyle bold) {
        int r = 0;
        line(sheet, r++, bold, "Import of " + report.file());
        line(sheet, r++, null, "Outcome", report.outcome(), report.dryRun() ? "dry run: nothing was written" : "");
        line(sheet, r++, null, "As at", report.asAt() == null ? "" : report.asAt().toString());
        line(sheet, r++, null, "Units", report.units() == null ? "" : report.units());
        r++;
        line(sheet, r++, bold, "Problems (" + report.problems().size() + ")");
        for (ImportReport.Problem problem : report.problems()) {
            line(sheet, r++, null, problem.cell() == null ? "(file)" : problem.cell(), problem.message());
        }
        r++;
        line(sheet, r++, bold, "Row", "Saving", "Command", "What it does");
        for (ImportReport.Row row : report.rows()) {
            if (row.commands().isEmpty()) {
                line(sheet, r++, null, String.valueOf(row.row()), row.savingId(), "", "already as the ledger has it");
            }
            for (ImportReport.Step step : row.commands()) {
                line(sheet, r++, null, String.valueOf(row.row()), row.savingId(), step.command(), step.summary());
            }
        }
        r++;
        line(sheet, r++, bold, "Left out (" + report.leftOut().size() + ")");
        for (String leftOut : report.leftOut()) {
            line(sheet, r++, null, leftOut);
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 26 * 256);
        sheet.setColumnWidth(3, 90 * 256);
    }

    private static void marked(XSSFWorkbook workbook, Tracker tracker, ImportReport report) {
        TrackerGrid grid = tracker.grid();
        XSSFSheet sheet = workbook.createSheet(grid.sheet());
        XSSFCellStyle problemStyle = workbook.createCellStyle();
        problemStyle.setFillForegroundColor(IndexedColors.ROSE.getIndex());
        problemStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Map<String, String> problems = new HashMap<>();
        tracker.problems().stream().filter(p -> p.cell() != null)
                .forEach(p -> problems.merge(key(p.cell().row(), p.cell().column()), p.message(), (a, b) -> a + "; " + b));
        CreationHelper helper = workbook.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (TrackerGrid.Row gridRow : grid.rows()) {
            Row row = sheet.createRow(gridRow.number() - 1);
            for (Cell cell : gridRow.cells()) {
                org.apache.poi.ss.usermodel.Cell written = row.createCell(cell.ref().column());
                if (cell.number() != null) {
                    written.setCellValue(cell.number().doubleValue());
                } else if (cell.text() != null) {
                    written.setCellValue(cell.text());
                }
                String problem = problems.remove(key(gridRow.number(), cell.ref().column()));
                if (problem != null) {
                    written.setCellStyle(problemStyle);
                    ClientAnchor anchor = helper.createClientAnchor();
                    anchor.setCol1(cell.ref().column() + 1);
                    anchor.setCol2(cell.ref().column() + 5);
                    anchor.setRow1(gridRow.number() - 1);
                    anchor.setRow2(gridRow.number() + 3);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(helper.createRichTextString(problem));
                    comment.setAuthor("Savings Ledger");
                    written.setCellComment(comment);
                }
            }
        }
    }

    private static String key(int row, int column) {
        return row + ":" + column;
    }

    private static void line(XSSFSheet sheet, int r, XSSFCellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int i = 0; i < values.length; i++) {
            org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
            cell.setCellValue(values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
