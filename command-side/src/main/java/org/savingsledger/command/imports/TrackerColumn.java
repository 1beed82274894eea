package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.shared.tracker.TrackerTemplate;
import org.savingsledger.shared.FinancialYear;

/** What a tracker column holds: a field, and the financial year for the yearly fields (null for the others). */
public record TrackerColumn(TrackerField field, FinancialYear year) {

    @Override
    public String toString() {
        return TrackerTemplate.heading(field, year);
    }
}
