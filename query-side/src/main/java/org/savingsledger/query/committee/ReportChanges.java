package org.savingsledger.query.committee;

import org.savingsledger.query.programme.ProgrammeSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What moved since a report: per programme and year, then every change its figures do not count. */
public record ReportChanges(String reportId, Instant presentedAt, Instant asAt, LocalDate effectiveOn,
                            List<ProgrammeChange> programmes, List<ChangeSince> history) {

    /**
     * The difference between a report's programmes and the same programmes {@code now} (as at
     * {@code asAt}, effective by {@code effectiveOn}), in the report's order, with the changes the
     * report does not count (recorded after it was presented or effective after its figures' date).
     */
    public static ReportChanges between(ReportView report, Map<String, ProgrammeSummary> now, Instant asAt,
                                        LocalDate effectiveOn, List<ChangeSince> history) {
        List<ProgrammeChange> programmes = report.programmes().stream()
                .map(then -> ProgrammeChange.between(then, now.get(then.id()))).toList();
        return new ReportChanges(report.id(), report.presentedAt(), asAt, effectiveOn, programmes, history);
    }
}
