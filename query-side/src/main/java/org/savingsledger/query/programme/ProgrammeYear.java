package org.savingsledger.query.programme;

import org.savingsledger.shared.Total;

/** One programme's line in a {@link YearPosition}. */
public record ProgrammeYear(String programmeId, String name, Total planned, Total delivered) {
}
