package org.savingsledger.query.committee.pack;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One sheet of a pack written row by row. Text is always a string cell, never a formula, so whatever a
 * title or reason holds it stays inert; money is a number cell in pounds; dates and instants are date
 * cells (an instant in UK local time, as a spreadsheet has no time zones).
 */
final class PackSheet {

    private final Sheet sheet;
    private final PackStyles styles;
    private Row row;

    PackSheet(Sheet sheet, PackStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    PackStyles styles() {
        return styles;
    }

    /** Starts the next row (the first is row 0). */
    PackSheet row() {
        row = sheet.createRow(row == null ? 0 : row.getRowNum() + 1);
        return this;
    }

    /** Leaves a blank row. */
    PackSheet skip() {
        return row();
    }

    int rowIndex() {
        return row.getRowNum();
    }

    /** Text in the given style; null leaves the cell blank. */
    PackSheet text(int column, String value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(looksLikeAFormula(value) && style == styles.text() ? styles.inertText() : style);
        }
        return this;
    }

    PackSheet text(int column, String value) {
        return text(column, value, styles.text());
    }

    PackSheet headers(String... names) {
        for (int column = 0; column < names.length; column++) {
            text(column, names[column], styles.header());
        }
        return this;
    }

    PackSheet money(int column, Total value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.amount().doubleValue());
            cell.setCellStyle(style);
        }
        return this;
    }

    PackSheet money(int column, Total value) {
        return money(column, value, styles.money());
    }

    PackSheet count(int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return this;
    }

    PackSheet date(int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.date());
        }
        return this;
    }

    PackSheet instant(int column, Instant value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(LocalDateTime.ofInstant(value, CouncilTime.LONDON));
            cell.setCellStyle(styles.dateTime());
        }
        return this;
    }

    /** Column widths in characters, from the first column on: set, not measured, so no fonts are needed. */
    PackSheet widths(int... characters) {
        for (int column = 0; column < characters.length; column++) {
            sheet.setColumnWidth(column, Math.min(255, characters[column]) * 256);
        }
        return this;
    }

    /** Keeps the rows up to the current one (and {@code columns} first columns) in view while scrolling. */
    PackSheet freezeThroughHere(int columns) {
        sheet.createFreezePane(columns, row.getRowNum() + 1);
        return this;
    }

    /** What a spreadsheet would read as a formula or a command if the text were typed in. */
    static boolean looksLikeAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
