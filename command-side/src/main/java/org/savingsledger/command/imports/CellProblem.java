package org.savingsledger.command.imports;

/** A cell that cannot be read as the field its column holds; becomes a {@link TrackerProblem}. */
final class CellProblem extends Exception {

    CellProblem(String message) {
        super(message, null, false, false);
    }
}
