package org.savingsledger.shared.tracker;

import org.savingsledger.shared.FinancialYear;

/**
 * The rest of the tracker template's layout: its sheet's name, and the settings written above the
 * heading row, a label in column A and its value in column B.
 */
public final class TrackerTemplate {

    public static final String SHEET = "Tracker";
    public static final String AS_AT = "As at";
    public static final String UNITS = "Units";
    public static final String DECISION_REFERENCE = "Decision reference";
    public static final String PROGRAMME = "Programme";

    private TrackerTemplate() {
    }

    /** A column's heading: the field's, followed by the year for a yearly field ({@code Planned 2018/19}). */
    public static String heading(TrackerField field, FinancialYear year) {
        return year == null ? field.heading() : field.heading() + " " + year;
    }
}
