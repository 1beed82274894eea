package org.savingsledger.command.imports;

import java.time.LocalDate;
import java.util.List;

/**
 * A tracker as read: its settings, its savings lines and every problem found in it. An import writes
 * only from a tracker without problems; the problems are the dry run's answer otherwise.
 *
 * @param asAt the date the tracker's figures are as at: the effective date of the changes it leads to
 * @param leftOut what was deliberately not read (other and hidden sheets, hidden rows and columns,
 *                columns with headings the template does not have), so nobody wonders where it went
 * @param grid    the sheet as read, for a report that shows the problems where they are
 */
public record Tracker(String fileName, String sheet, LocalDate asAt, Units units, String decisionReference,
                      List<TrackerLine> lines, List<TrackerProblem> problems, List<String> leftOut,
                      TrackerGrid grid) {

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
