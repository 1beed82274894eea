package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads one savings row of a tracker, cell by cell, noting a problem for every cell it cannot read. */
final class TrackerRow {

    private final TrackerGrid grid;
    private final TrackerGrid.Row row;
    private final List<TrackerProblem> problems;
    private final Map<TrackerColumn, CellRef> cells = new HashMap<>();

    private TrackerRow(TrackerGrid grid, TrackerGrid.Row row, List<TrackerProblem> problems) {
        this.grid = grid;
        this.row = row;
        this.problems = problems;
    }

    static TrackerLine read(TrackerGrid grid, TrackerGrid.Row row, TrackerColumns columns, TrackerSettings settings,
                            List<TrackerProblem> problems) {
        return new TrackerRow(grid, row, problems).line(columns, settings);
    }

    private TrackerLine line(TrackerColumns columns, TrackerSettings settings) {
        Map<TrackerField, String> texts = new EnumMap<>(TrackerField.class);
        Map<TrackerField, SortedMap<FinancialYear, BigDecimal>> yearly = new EnumMap<>(TrackerField.class);
        Set<TrackerField> given = EnumSet.noneOf(TrackerField.class);
        columns.columns().forEach((index, column) -> {
            Cell cell = row.cell(grid.sheet(), index);
            given.add(column.field());
            cells.put(column, cell.ref());
            if (column.year() == null) {
                texts.put(column.field(), cell.isBlank() ? null : cell.shown());
                return;
            }
            BigDecimal value = yearValue(column.field(), cell, settings.units());
            if (value != null) {
                yearly.computeIfAbsent(column.field(), f -> new TreeMap<>()).put(column.year(), value);
            }
        });
        String programme = texts.get(TrackerField.PROGRAMME) != null ? id(TrackerField.PROGRAMME, texts.get(TrackerField.PROGRAMME))
                : settings.programme() != null ? settings.programme().toLowerCase(Locale.ROOT) : null;
        if (programme == null) {
            problem(TrackerField.PROGRAMME, "no programme: fill the Programme column or write \"Programme\" above the header row");
        }
        String savingId = texts.get(TrackerField.SAVING_ID) == null ? null : id(TrackerField.SAVING_ID, texts.get(TrackerField.SAVING_ID));
        if (texts.get(TrackerField.SAVING_ID) == null) {
            problem(TrackerField.SAVING_ID, "no saving id");
        }
        return new TrackerLine(row.number(), programme, savingId, texts.get(TrackerField.TITLE), texts.get(TrackerField.WORKSTREAM),
                texts.get(TrackerField.OWNER), choice(TrackerField.STAGE, texts, Stage.class),
                choice(TrackerField.CONFIDENCE, texts, Confidence.class), rag(texts), choice(TrackerField.RECURRENCE, texts, Recurrence.class),
                choice(TrackerField.CATEGORY, texts, SavingCategory.class), texts.get(TrackerField.DESCRIPTION),
                yearly.getOrDefault(TrackerField.PLANNED, new TreeMap<>()), yearly.getOrDefault(TrackerField.DELIVERED, new TreeMap<>()),
                yearly.getOrDefault(TrackerField.POSTS_PLANNED, new TreeMap<>()),
                yearly.getOrDefault(TrackerField.POSTS_DELIVERED, new TreeMap<>()), given, Map.copyOf(cells), withdrawn(texts));
    }

    private BigDecimal yearValue(TrackerField field, Cell cell, Units units) {
        try {
            if (field == TrackerField.POSTS_PLANNED || field == TrackerField.POSTS_DELIVERED) {
                return posts(cell);
            }
            return units == null ? null : Amounts.pounds(cell, units);
        } catch (CellProblem e) {
            problems.add(new TrackerProblem(cell.ref(), e.getMessage()));
            return null;
        }
    }

    private static BigDecimal posts(Cell cell) throws CellProblem {
        if (cell.isBlank()) {
            return Fte.ZERO.value();
        }
        try {
            return Fte.of(cell.number() != null ? cell.number() : new BigDecimal(cell.text().strip().replace(",", ""))).value();
        } catch (IllegalArgumentException e) {
            throw new CellProblem("\"" + cell.shown() + "\" is not a number of posts (full-time equivalents, e.g. 12.5)");
        }
    }

    /** Ids as councils write them ({@code ASC 01}, {@code A1.2}) made into the ledger's form ({@code asc-01}, {@code a1-2}). */
    private String id(TrackerField field, String written) {
        String id = written.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s._/]+", "-");
        if (!LedgerIds.isValid(id)) {
            problem(field, "\"" + written + "\" cannot be an id: use letters, digits, spaces, dots or hyphens, at most 63");
            return null;
        }
        return id;
    }

    private Boolean withdrawn(Map<TrackerField, String> texts) {
        String written = texts.get(TrackerField.WITHDRAWN);
        if (written == null) {
            return null;
        }
        switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "withdrawn":
                return true;
            case "no", "n", "false":
                return false;
            default:
                problem(TrackerField.WITHDRAWN, "\"" + written + "\" is not Yes or No");
                return null;
        }
    }

    private Rag rag(Map<TrackerField, String> texts) {
        String written = texts.get(TrackerField.RAG);
        if (written != null && written.strip().length() == 1) {
            for (Rag rag : Rag.values()) {
                if (rag.name().charAt(0) == Character.toUpperCase(written.strip().charAt(0))) {
                    return rag;
                }
            }
        }
        return choice(TrackerField.RAG, texts, Rag.class);
    }

    private <E extends Enum<E>> E choice(TrackerField field, Map<TrackerField, String> texts, Class<E> type) {
        String written = texts.get(field);
        if (written == null) {
            return null;
        }
        String name = written.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            problem(field, "\"" + written + "\" is not a " + field.heading() + ": write one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    private void problem(TrackerField field, String message) {
        CellRef where = cells.getOrDefault(new TrackerColumn(field, null), new CellRef(grid.sheet(), row.number(), 0));
        problems.add(new TrackerProblem(where, message));
    }
}
