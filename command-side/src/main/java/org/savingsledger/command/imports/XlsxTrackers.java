package org.savingsledger.command.imports;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.savingsledger.shared.tracker.TrackerTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tracker sheet of an {@code .xlsx} workbook. Formulas count by their cached values (what
 * the sheet showed when last saved); merged ranges lend their value to every cell they cover; hidden
 * rows, columns and sheets are left out and named. Macro-enabled and old binary workbooks are refused,
 * and so is a workbook whose parts would inflate far beyond its size (a zip bomb); POI reads its XML
 * without document types, so entity tricks cannot expand or reach files.
 */
final class XlsxTrackers {

    /** The largest part a workbook may inflate to: a tracker of thousands of rows is a few MiB of XML. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    private static final MathContext SHOWN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private XlsxTrackers() {
    }

    static TrackerGrid read(byte[] bytes, String wantedSheet, int maxRows) {
        if (startsWith(bytes, OLE2)) {
            throw new TrackerRefused(415, "is an Excel 97-2003 workbook (.xls) or a password-protected one: "
                    + "save it as an Excel Workbook (.xlsx) without a password and import that");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new TrackerRefused(415, "is not an .xlsx workbook");
        }
        try (XSSFWorkbook workbook = open(bytes)) {
            if (!workbook.getPackage().getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()) {
                throw new TrackerRefused(415, "is a macro-enabled workbook (.xlsm): save it as an Excel Workbook (.xlsx) "
                        + "and import that");
            }
            List<String> leftOut = new ArrayList<>();
            XSSFSheet sheet = trackerSheet(workbook, wantedSheet, leftOut);
            if (sheet.getLastRowNum() + 1 > maxRows) {
                throw new TrackerRefused(422, "sheet '" + sheet.getSheetName() + "' has " + (sheet.getLastRowNum() + 1)
                        + " rows, more than the " + maxRows + " an import reads; import it in parts");
            }
            return new TrackerGrid(sheet.getSheetName(), rows(sheet, leftOut), leftOut, workbook.isDate1904());
        } catch (IOException e) {
            throw new TrackerRefused(422, "could not be read as an .xlsx workbook");
        }
    }

    private static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("Zip bomb") || why.contains("exceeds the max")) {
                throw new TrackerRefused(422, "inflates far beyond its size (a zip bomb?): refused unread");
            }
            throw new TrackerRefused(422, "could not be read as an .xlsx workbook");
        }
    }

    private static XSSFSheet trackerSheet(XSSFWorkbook workbook, String wanted, List<String> leftOut) {
        XSSFSheet chosen = null;
        if (wanted != null) {
            chosen = workbook.getSheet(wanted);
            if (chosen == null) {
                throw new TrackerRefused(422, "has no sheet named '" + wanted + "'");
            }
        }
        for (int i = 0; chosen == null && i < workbook.getNumberOfSheets(); i++) {
            if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                continue;
            }
            if (workbook.getSheetName(i).equalsIgnoreCase(TrackerTemplate.SHEET)) {
                chosen = workbook.getSheetAt(i);
            }
        }
        for (int i = 0; chosen == null && i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                chosen = workbook.getSheetAt(i);
            }
        }
        if (chosen == null) {
            throw new TrackerRefused(422, "has no visible sheet");
        }
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            XSSFSheet other = workbook.getSheetAt(i);
            if (other != chosen) {
                boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
                leftOut.add((hidden ? "hidden sheet '" : "sheet '") + other.getSheetName() + "' ignored");
            }
        }
        return chosen;
    }

    private static List<TrackerGrid.Row> rows(XSSFSheet sheet, List<String> leftOut) {
        String name = sheet.getSheetName();
        List<List<Cell>> cells = new ArrayList<>();
        List<Boolean> hidden = new ArrayList<>();
        int width = 0;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            List<Cell> line = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    line.add(cell(new CellRef(name, r + 1, c), row.getCell(c)));
                }
                width = Math.max(width, line.size());
            }
            cells.add(line);
            hidden.add(row != null && row.getZeroHeight());
        }
        spreadMerged(sheet, cells);
        for (int c = 0; c < width; c++) {
            if (sheet.isColumnHidden(c)) {
                leftOut.add("hidden column " + CellReference.convertNumToColString(c) + " ignored");
                for (List<Cell> line : cells) {
                    if (c < line.size()) {
                        line.set(c, Cell.blank(line.get(c).ref()));
                    }
                }
            }
        }
        List<TrackerGrid.Row> rows = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            rows.add(new TrackerGrid.Row(r + 1, hidden.get(r), cells.get(r)));
        }
        return rows;
    }

    private static void spreadMerged(XSSFSheet sheet, List<List<Cell>> cells) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.getFirstRow() >= cells.size()) {
                continue;
            }
            Cell anchor = at(sheet.getSheetName(), cells, range.getFirstRow(), range.getFirstColumn());
            for (int r = range.getFirstRow(); r <= Math.min(range.getLastRow(), cells.size() - 1); r++) {
                for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                    if (r != range.getFirstRow() || c != range.getFirstColumn()) {
                        List<Cell> line = cells.get(r);
                        while (line.size() <= c) {
                            line.add(Cell.blank(new CellRef(sheet.getSheetName(), r + 1, line.size())));
                        }
                        line.set(c, anchor.copiedTo(new CellRef(sheet.getSheetName(), r + 1, c)));
                    }
                }
            }
        }
    }

    private static Cell at(String sheet, List<List<Cell>> cells, int row, int column) {
        List<Cell> line = cells.get(row);
        return column < line.size() ? line.get(column) : Cell.blank(new CellRef(sheet, row + 1, column));
    }

    private static Cell cell(CellRef ref, XSSFCell cell) {
        if (cell == null) {
            return Cell.blank(ref);
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC:
                return Cell.number(ref, new BigDecimal(cell.getNumericCellValue()).round(SHOWN_DIGITS).stripTrailingZeros(),
                        DateUtil.isCellDateFormatted(cell));
            case STRING:
                return Cell.text(ref, cell.getStringCellValue());
            case BOOLEAN:
                return Cell.text(ref, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR:
                return Cell.text(ref, FormulaError.forInt(cell.getErrorCellValue()).getString());
            default:
                return Cell.blank(ref);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
