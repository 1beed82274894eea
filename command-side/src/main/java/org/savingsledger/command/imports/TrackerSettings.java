package org.savingsledger.command.imports;

import org.apache.poi.ss.usermodel.DateUtil;
import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.shared.tracker.TrackerTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a tracker says about all its rows: the date its figures are as at (the effective date of the
 * changes an import makes), their unit, the authority for them, and a programme for rows without one.
 * The date and the unit are required: a tracker read in the wrong unit is wrong by a thousand times.
 */
record TrackerSettings(LocalDate asAt, Units units, String decisionReference, String programme) {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK), DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

    static TrackerSettings read(TrackerGrid grid, Map<String, Cell> written, TrackerMapping mapping,
                                List<TrackerProblem> problems) {
        LocalDate asAt = null;
        Cell asAtCell = written.get(TrackerField.normal(TrackerTemplate.AS_AT));
        if (mapping.asAt() != null) {
            asAt = date(mapping.asAt(), null, problems, "the mapping's asAt");
        } else if (asAtCell != null && !asAtCell.isBlank()) {
            asAt = asAtCell.number() != null ? serialDate(asAtCell, grid.date1904(), problems)
                    : date(asAtCell.text(), asAtCell.ref(), problems, null);
        } else {
            problems.add(TrackerProblem.ofFile("no \"As at\" date: write it above the header row (\"As at\" in column A, the "
                    + "date in column B) or send asAt in the mapping; it is the effective date of the tracker's changes"));
        }
        Units units = null;
        Cell unitsCell = written.get(TrackerField.normal(TrackerTemplate.UNITS));
        String unitsText = mapping.units() != null ? mapping.units() : unitsCell == null ? null : unitsCell.shown();
        if (unitsText == null || unitsText.isBlank()) {
            problems.add(TrackerProblem.ofFile("no \"Units\": write £, £'000 or £m above the header row (\"Units\" in column A) "
                    + "or send units in the mapping"));
        } else {
            units = Units.parse(unitsText).orElse(null);
            if (units == null) {
                problems.add(new TrackerProblem(mapping.units() != null ? null : unitsCell.ref(),
                        "\"" + unitsText + "\" is not a unit: write £, £'000 or £m"));
            }
        }
        return new TrackerSettings(asAt, units, text(mapping.decisionReference(), written.get(TrackerField.normal(TrackerTemplate.DECISION_REFERENCE))),
                text(mapping.programme(), written.get(TrackerField.normal(TrackerTemplate.PROGRAMME))));
    }

    private static String text(String given, Cell written) {
        if (given != null) {
            return given.isBlank() ? null : given.strip();
        }
        return written == null || written.isBlank() ? null : written.shown();
    }

    private static LocalDate serialDate(Cell cell, boolean date1904, List<TrackerProblem> problems) {
        // a spreadsheet date is a count of days (with the time of day as its fraction)
        BigDecimal days = cell.number();
        if (days.compareTo(BigDecimal.ONE) < 0 || !DateUtil.isValidExcelDate(days.doubleValue())) {
            problems.add(new TrackerProblem(cell.ref(), "\"" + cell.shown() + "\" is not a date"));
            return null;
        }
        return DateUtil.getLocalDateTime(days.doubleValue(), date1904).toLocalDate();
    }

    private static LocalDate date(String text, CellRef where, List<TrackerProblem> problems, String what) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        problems.add(new TrackerProblem(where, (what == null ? "" : what + " ") + "\"" + text.strip()
                + "\" is not a date: write it as 2018-03-12 or 12/03/2018"));
        return null;
    }
}
