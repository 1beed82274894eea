package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tracker file ({@code .xlsx} or {@code .csv}) into a {@link Tracker}: finds its header row
 * (the row with a "Saving id" heading, or the heading mapped to it), reads the settings written above
 * it ("As at", "Units", "Decision reference", "Programme" in column A with the value in column B), then
 * every visible row below it. It looks at every cell before answering, so one dry run lists every
 * problem rather than the first.
 */
public final class TrackerReader {

    /** The most rows a tracker sheet may have: a council's tracker has hundreds. */
    public static final int MAX_ROWS = 5_000;
    private static final int HEADER_SEARCH_ROWS = 50;

    private TrackerReader() {
    }

    public static Tracker read(String fileName, byte[] bytes, TrackerMapping mapping) {
        TrackerGrid grid = grid(fileName, bytes, mapping.sheet());
        List<TrackerProblem> problems = new ArrayList<>();
        List<String> leftOut = new ArrayList<>(grid.leftOut());
        int header = headerRow(grid, mapping.columns());
        if (header < 0) {
            problems.add(TrackerProblem.ofFile("sheet '" + grid.sheet() + "' has no header row: no column headed \"Saving id\""
                    + (mapping.columns().isEmpty() ? "" : " or mapped to it") + " in its first " + HEADER_SEARCH_ROWS + " rows"));
            return new Tracker(fileName, grid.sheet(), null, null, null, List.of(), problems, leftOut, grid);
        }
        Map<String, Cell> settings = settings(grid, header);
        TrackerSettings read = TrackerSettings.read(grid, settings, mapping, problems);
        TrackerColumns columns = TrackerColumns.of(grid, grid.rows().get(header),
                header > 0 ? grid.rows().get(header - 1) : null, mapping.columns(), problems, leftOut);
        List<TrackerLine> lines = new ArrayList<>();
        Map<String, CellRef> savingIds = new HashMap<>();
        for (TrackerGrid.Row row : grid.rows().subList(header + 1, grid.rows().size())) {
            if (row.isBlank()) {
                continue;
            }
            if (row.hidden()) {
                leftOut.add("hidden row " + row.number() + " ignored");
                continue;
            }
            TrackerLine line = TrackerRow.read(grid, row, columns, read, problems);
            CellRef idCell = line.cells().get(new TrackerColumn(TrackerField.SAVING_ID, null));
            if (line.savingId() != null) {
                CellRef first = savingIds.putIfAbsent(line.savingId(), idCell);
                if (first != null) {
                    problems.add(new TrackerProblem(idCell, "saving \"" + line.savingId() + "\" is also on row " + first.row()
                            + ": one row per saving"));
                }
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            problems.add(TrackerProblem.ofFile("sheet '" + grid.sheet() + "' has no savings rows below its header row "
                    + grid.rows().get(header).number()));
        }
        return new Tracker(fileName, grid.sheet(), read.asAt(), read.units(), read.decisionReference(), lines, problems, leftOut,
                grid);
    }

    private static TrackerGrid grid(String fileName, byte[] bytes, String sheet) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XlsxTrackers.read(bytes, sheet, MAX_ROWS);
        }
        if (name.endsWith(".csv")) {
            return CsvTrackers.read(bytes, baseName(fileName), MAX_ROWS);
        }
        if (name.endsWith(".xlsm") || name.endsWith(".xls") || name.endsWith(".xlsb")) {
            throw new TrackerRefused(415, "'" + fileName + "' is a macro-enabled, binary or Excel 97-2003 workbook: "
                    + "save it as an Excel Workbook (.xlsx) and import that");
        }
        throw new TrackerRefused(415, "'" + fileName + "' is neither an .xlsx workbook nor a .csv file");
    }

    private static String baseName(String fileName) {
        String base = fileName.replaceAll("^.*[/\\\\]", "");
        return base.substring(0, base.length() - ".csv".length());
    }

    private static int headerRow(TrackerGrid grid, Map<String, String> mapping) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, grid.rows().size()); i++) {
            if (!grid.rows().get(i).hidden() && TrackerColumns.isHeader(grid, grid.rows().get(i), mapping)) {
                return i;
            }
        }
        return -1;
    }

    /** Label (column A, lower-case, without a trailing colon) to value cell (column B), above the header row. */
    private static Map<String, Cell> settings(TrackerGrid grid, int header) {
        Map<String, Cell> settings = new HashMap<>();
        for (TrackerGrid.Row row : grid.rows().subList(0, header)) {
            String label = TrackerField.normal(row.cell(grid.sheet(), 0).shown()).replaceAll(":$", "").strip();
            if (!label.isEmpty()) {
                settings.putIfAbsent(label, row.cell(grid.sheet(), 1));
            }
        }
        return settings;
    }
}
