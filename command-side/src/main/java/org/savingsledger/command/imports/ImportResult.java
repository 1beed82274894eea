package org.savingsledger.command.imports;

/** An import's report, and the tracker it was made from, so the report can also be given as a marked-up workbook. */
public record ImportResult(Tracker tracker, ImportReport report) {

    /** The report as a workbook: the sheet as read with its problem cells marked, and the commands per row. */
    public byte[] workbook() {
        return ImportReportWorkbook.of(tracker, report);
    }
}
