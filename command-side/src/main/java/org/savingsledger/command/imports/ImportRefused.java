package org.savingsledger.command.imports;

/** A commit of a tracker with problems: refused before any command, with the same report a dry run gives. */
public final class ImportRefused extends RuntimeException {

    private final transient ImportReport report;

    ImportRefused(ImportReport report) {
        super(report.problems().size() + " problem(s) in the tracker: nothing was written", null, false, false);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
