package org.savingsledger.query.committee;

import org.savingsledger.query.history.Fact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A position report as a committee lists it: its figures are those known at {@code presentedAt},
 * counting changes effective on or before {@code figuresEffectiveOn}.
 */
public record ReportRef(String id, LocalDate meetingDate, String title, Instant presentedAt,
                        LocalDate figuresEffectiveOn) {

    /** The report a presentation fact records. */
    public static ReportRef of(Fact presented) {
        return new ReportRef(presented.attribute("reportId"), LocalDate.parse(presented.attribute("meetingDate")),
                presented.attribute("title"), Instant.parse(presented.attribute("presentedAt")),
                LocalDate.parse(presented.attribute("figuresEffectiveOn")));
    }
}
