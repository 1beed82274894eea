package org.savingsledger.command.imports;

/**
 * Something in a tracker that stops it being imported as it stands, named by its cell so a finance
 * officer can find and mend it: {@code Tracker!F12: "1.2.3" is not an amount}. A problem of the file
 * as a whole (no header row, no date) has no cell.
 */
public record TrackerProblem(CellRef cell, String message) {

    public static TrackerProblem ofFile(String message) {
        return new TrackerProblem(null, message);
    }

    @Override
    public String toString() {
        return cell == null ? message : cell + ": " + message;
    }
}
