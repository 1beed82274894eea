package org.savingsledger.query.committee.pack;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of a pack, made once per workbook (a workbook holds a limited number of styles).
 * Money is pounds with thousands separators and negatives in red; dates are real dates shown as
 * {@code 12 Mar 2018}; instants are UK local date-times. {@code inertText} is text that a spreadsheet
 * would take for a formula if retyped ({@code =}, {@code +}, {@code -}, {@code @}…): it is marked
 * quote-prefixed, so that editing the cell keeps it text.
 */
record PackStyles(CellStyle title, CellStyle header, CellStyle label, CellStyle text, CellStyle inertText,
                  CellStyle money, CellStyle totalMoney, CellStyle totalLabel, CellStyle count, CellStyle totalCount,
                  CellStyle date, CellStyle dateTime, CellStyle note) {

    static final String MONEY_FORMAT = "\"£\"#,##0.00;[Red]-\"£\"#,##0.00";
    static final String COUNT_FORMAT = "#,##0";
    static final String DATE_FORMAT = "d mmm yyyy";
    static final String DATE_TIME_FORMAT = "d mmm yyyy hh:mm:ss";

    static PackStyles of(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        Font italic = workbook.createFont();
        italic.setItalic(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setBorderBottom(BorderStyle.THIN);
        CellStyle title = workbook.createCellStyle();
        title.setFont(large);
        title.setQuotePrefixed(true);
        CellStyle label = workbook.createCellStyle();
        label.setFont(bold);
        CellStyle inert = workbook.createCellStyle();
        inert.setQuotePrefixed(true);
        CellStyle note = workbook.createCellStyle();
        note.setFont(italic);
        note.setQuotePrefixed(true);
        return new PackStyles(title, header, label, workbook.createCellStyle(), inert,
                formatted(workbook, MONEY_FORMAT, null), formatted(workbook, MONEY_FORMAT, bold), bordered(workbook, bold),
                formatted(workbook, COUNT_FORMAT, null), formatted(workbook, COUNT_FORMAT, bold),
                formatted(workbook, DATE_FORMAT, null), formatted(workbook, DATE_TIME_FORMAT, null), note);
    }

    private static CellStyle formatted(Workbook workbook, String format, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        if (font != null) {
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
        }
        return style;
    }

    private static CellStyle bordered(Workbook workbook, Font bold) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setBorderTop(BorderStyle.THIN);
        return style;
    }
}
