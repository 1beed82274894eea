package org.savingsledger.query.tracker;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.shared.tracker.TrackerTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Savings as a tracker in the import template's layout (docs/import.md): settings above a heading row,
 * one row per saving, one column per year of each yearly field, amounts in pounds. It imports back as
 * it is, with no mapping. Every text is written as text, never as a formula.
 */
public final class TrackerWorkbook {

    private static final List<TrackerField> FIELDS = List.of(TrackerField.PROGRAMME, TrackerField.SAVING_ID, TrackerField.TITLE,
            TrackerField.WORKSTREAM, TrackerField.OWNER, TrackerField.STAGE, TrackerField.CONFIDENCE, TrackerField.RAG,
            TrackerField.RECURRENCE, TrackerField.CATEGORY, TrackerField.WITHDRAWN, TrackerField.DESCRIPTION);
    private static final List<TrackerField> YEARLY = List.of(TrackerField.PLANNED, TrackerField.DELIVERED,
            TrackerField.POSTS_PLANNED, TrackerField.POSTS_DELIVERED);
    private static final int HEADING_ROW = 4;

    private TrackerWorkbook() {
    }

    /**
     * @param effectiveOn the date the figures are effective on: the tracker's "As at" (none for a blank template)
     * @param provenance  what the figures are, in words, written above the headings (e.g. as at which instant)
     */
    public static byte[] of(List<SavingView> savings, FinancialYear firstYear, FinancialYear lastYear, LocalDate effectiveOn,
                            String provenance) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(TrackerTemplate.SHEET);
            Row asAt = sheet.createRow(0);
            asAt.createCell(0).setCellValue(TrackerTemplate.AS_AT);
            if (effectiveOn != null) {
                Cell date = asAt.createCell(1);
                date.setCellValue(effectiveOn);
                date.setCellStyle(styles.date);
            }
            text(sheet.createRow(1), TrackerTemplate.UNITS, "£");
            text(sheet.createRow(2), "Exported", provenance);
            List<FinancialYear> years = firstYear == null ? List.of() : FinancialYear.rangeClosed(firstYear, lastYear);
            Row headings = sheet.createRow(HEADING_ROW);
            int column = 0;
            for (TrackerField field : FIELDS) {
                heading(headings, column++, field.heading(), styles);
            }
            for (TrackerField field : YEARLY) {
                for (FinancialYear year : years) {
                    heading(headings, column++, TrackerTemplate.heading(field, year), styles);
                }
            }
            int r = HEADING_ROW + 1;
            for (SavingView saving : savings) {
                line(sheet.createRow(r++), saving, years, styles);
            }
            sheet.createFreezePane(2, HEADING_ROW + 1);
            for (int c = 0; c < column; c++) {
                sheet.setColumnWidth(c, (c == 2 || c == FIELDS.size() - 1 ? 40 : c < FIELDS.size() ? 16 : 15) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Row row, SavingView saving, List<FinancialYear> years, Styles styles) {
        List<String> texts = new ArrayList<>(List.of(saving.programmeId(), saving.id(), saving.title(),
                orEmpty(saving.workstream()), orEmpty(saving.owner()), words(saving.stage()), words(saving.confidence()),
                words(saving.rag()), words(saving.recurrence()), words(saving.category()), saving.withdrawn() ? "Yes" : "No",
                orEmpty(saving.description())));
        for (int c = 0; c < texts.size(); c++) {
            if (!texts.get(c).isEmpty()) {
                row.createCell(c).setCellValue(texts.get(c));
            }
        }
        int column = texts.size();
        column = figures(row, column, years, saving.profile(), total -> total.amount(), styles.money);
        column = figures(row, column, years, saving.delivered(), total -> total.amount(), styles.money);
        column = figures(row, column, years, saving.postsPlanned(), fte -> fte.value(), styles.posts);
        figures(row, column, years, saving.postsDelivered(), fte -> fte.value(), styles.posts);
    }

    private static <T> int figures(Row row, int column, List<FinancialYear> years, Map<FinancialYear, T> figures,
                                   Function<T, BigDecimal> amount, XSSFCellStyle style) {
        for (FinancialYear year : years) {
            T figure = figures.get(year);
            Cell cell = row.createCell(column++);
            cell.setCellValue(figure == null ? 0 : amount.apply(figure).doubleValue());
            cell.setCellStyle(style);
        }
        return column;
    }

    /** {@code IN_DELIVERY} as a tracker writes it: {@code In delivery}. */
    private static String words(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String spaced = value.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void text(Row row, String label, String value) {
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }

    private static void heading(Row row, int column, String heading, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(heading);
        cell.setCellStyle(styles.heading);
    }

    /** The workbook's few cell styles: a workbook holds a limited number, so they are made once. */
    private static final class Styles {

        final XSSFCellStyle heading;
        final XSSFCellStyle money;
        final XSSFCellStyle posts;
        final XSSFCellStyle date;

        Styles(XSSFWorkbook workbook) {
            heading = workbook.createCellStyle();
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            heading.setWrapText(true);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            posts = workbook.createCellStyle();
            posts.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
