package org.savingsledger.query.committee;

import org.savingsledger.query.programme.ProgrammeSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures exactly as presented: every programme as the ledger knew it at {@code presentedAt},
 * counting the changes effective on or before {@code figuresEffectiveOn}.
 */
public record ReportView(String id, String committeeId, LocalDate meetingDate, String title, Instant presentedAt,
                         List<ProgrammeSummary> programmes, LocalDate figuresEffectiveOn) {
}
