package org.savingsledger.command.imports;

/**
 * A file refused as a whole before any of its rows is looked at: not a workbook, a format the import
 * does not read, too large, or built to harm the server that opens it.
 *
 * @param status the HTTP status that says why: 413 too large, 415 not a format read, 422 unreadable
 */
public final class TrackerRefused extends RuntimeException {

    private final int status;

    public TrackerRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
