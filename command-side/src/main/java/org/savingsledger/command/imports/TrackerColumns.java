package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.apache.poi.ss.util.CellReference;
import org.savingsledger.shared.FinancialYear;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which field each column of a tracker holds, read from its header row. A council's own headings are
 * first translated by its mapping; a year may come before or after the field ({@code Planned 18/19},
 * {@code 2018-19 Planned}); and a heading of a year alone takes its field from a merged cell above it,
 * the common two-row layout where "Planned" spans the year columns.
 */
final class TrackerColumns {

    private static final Pattern YEAR = Pattern.compile("(?i)(?:fy\\s*)?(\\d{4}|\\d{2})\\s*[/-]\\s*(\\d{4}|\\d{2})");

    private final Map<Integer, TrackerColumn> columns = new LinkedHashMap<>();

    private TrackerColumns() {
    }

    /** The header row's columns; every heading that cannot be placed is a problem or a left-out note. */
    static TrackerColumns of(TrackerGrid grid, TrackerGrid.Row header, TrackerGrid.Row above, Map<String, String> mapping,
                             List<TrackerProblem> problems, List<String> leftOut) {
        TrackerColumns found = new TrackerColumns();
        Map<String, String> mapped = new HashMap<>();
        mapping.forEach((theirs, ours) -> mapped.put(TrackerField.normal(theirs), ours));
        Map<TrackerColumn, CellRef> seen = new HashMap<>();
        for (Cell cell : header.cells()) {
            if (cell.isBlank()) {
                continue;
            }
            String heading = headingOf(cell, above == null ? null : above.cell(grid.sheet(), cell.ref().column()));
            boolean wasMapped = mapped.containsKey(TrackerField.normal(heading));
            String ours = wasMapped ? mapped.remove(TrackerField.normal(heading)) : heading;
            Optional<TrackerColumn> column = column(ours);
            if (column.isEmpty()) {
                if (wasMapped) {
                    problems.add(new TrackerProblem(cell.ref(), "\"" + heading + "\" is mapped to \"" + ours
                            + "\", which is not a template heading (see docs/import.md)"));
                } else {
                    leftOut.add("column " + CellReference.convertNumToColString(cell.ref().column()) + " \"" + heading
                            + "\" ignored: not a template heading and not mapped to one");
                }
                continue;
            }
            CellRef earlier = seen.putIfAbsent(column.get(), cell.ref());
            if (earlier != null) {
                problems.add(new TrackerProblem(cell.ref(), "\"" + heading + "\" is a second column for "
                        + column.get() + " (the first is " + earlier + ")"));
                continue;
            }
            found.columns.put(cell.ref().column(), column.get());
        }
        mapped.keySet().forEach(theirs -> problems.add(TrackerProblem.ofFile("the mapping names the heading \"" + theirs
                + "\", which is not in the header row " + header.number() + " of sheet '" + grid.sheet() + "'")));
        return found;
    }

    /** Whether the row holds the saving id heading, directly or through the mapping: the header row. */
    static boolean isHeader(TrackerGrid grid, TrackerGrid.Row row, Map<String, String> mapping) {
        for (Cell cell : row.cells()) {
            String heading = cell.shown();
            String ours = mapping.entrySet().stream()
                    .filter(e -> TrackerField.normal(e.getKey()).equals(TrackerField.normal(heading)))
                    .map(Map.Entry::getValue).findFirst().orElse(heading);
            if (!cell.isBlank() && TrackerField.named(ours).filter(f -> f == TrackerField.SAVING_ID).isPresent()) {
                return true;
            }
        }
        return false;
    }

    Map<Integer, TrackerColumn> columns() {
        return columns;
    }

    boolean has(TrackerField field) {
        return columns.values().stream().anyMatch(c -> c.field() == field);
    }

    private static String headingOf(Cell cell, Cell above) {
        String heading = cell.shown();
        if (above != null && !above.isBlank() && YEAR.matcher(heading).matches()) {
            return above.shown() + " " + heading;
        }
        return heading;
    }

    private static Optional<TrackerColumn> column(String heading) {
        Matcher year = YEAR.matcher(heading);
        if (!year.find()) {
            return TrackerField.named(heading).filter(f -> !f.yearly()).map(f -> new TrackerColumn(f, null));
        }
        String rest = (heading.substring(0, year.start()) + " " + heading.substring(year.end())).strip();
        Optional<FinancialYear> financialYear = financialYear(year.group(1), year.group(2));
        return financialYear.flatMap(y -> TrackerField.named(rest).filter(TrackerField::yearly).map(f -> new TrackerColumn(f, y)));
    }

    private static Optional<FinancialYear> financialYear(String start, String end) {
        int first = Integer.parseInt(start);
        if (start.length() == 2) {
            first += first >= 90 ? 1900 : 2000;
        }
        int last = Integer.parseInt(end);
        if ((end.length() == 2 ? (first + 1) % 100 : first + 1) != last) {
            return Optional.empty();
        }
        try {
            return Optional.of(FinancialYear.of(first));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
