package org.savingsledger.query.bi;

import java.time.Instant;
import java.time.LocalDate;

/** What an extract covers: as at an instant, effective on a date, optionally one organisation or programme. */
public record BiQuery(Instant asAt, LocalDate effectiveOn, String organisation, String programmeId) {
}
