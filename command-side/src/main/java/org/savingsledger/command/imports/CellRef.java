package org.savingsledger.command.imports;

import org.apache.poi.ss.util.CellReference;

/**
 * Where a value sits in a tracker, written as a spreadsheet user reads it: {@code Tracker!F12}, or
 * {@code 'Savings 2018'!F12} when the sheet's name needs quoting. Rows count from 1, columns from 0.
 */
public record CellRef(String sheet, int row, int column) {

    @Override
    public String toString() {
        String name = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
        return name + "!" + CellReference.convertNumToColString(column) + row;
    }
}
