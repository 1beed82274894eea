package org.savingsledger.command.imports;

import java.util.List;

/**
 * The one sheet of a tracker that is imported, as rows of cells, with what was left out of it (other
 * and hidden sheets, hidden rows and columns) so the import can say so rather than skip it silently.
 *
 * @param date1904 the workbook counts dates from 1904 (old Mac Excel) rather than 1900
 */
public record TrackerGrid(String sheet, List<Row> rows, List<String> leftOut, boolean date1904) {

    /** A row of the sheet, numbered as the spreadsheet shows it (from 1). */
    public record Row(int number, boolean hidden, List<Cell> cells) {

        public Cell cell(String sheet, int column) {
            return column < cells.size() ? cells.get(column) : Cell.blank(new CellRef(sheet, number, column));
        }

        public boolean isBlank() {
            return cells.stream().allMatch(Cell::isBlank);
        }
    }
}
