package org.savingsledger.events.committee;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.ReportId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A position report was presented to the committee: the figures of {@code programmeIds} as the ledger
 * knew them at {@code presentedAt}, counting changes effective on or before {@code figuresEffectiveOn},
 * are frozen as that report.
 *
 * <p>Revision 2 added {@code figuresEffectiveOn}, until then implied: the day of {@code presentedAt} in
 * Europe/London. {@code PositionReportPresentedUpcaster} gives revision 1 events that value.
 */
@Revision("2")
public record PositionReportPresented(CommitteeId committeeId, ReportId reportId, LocalDate meetingDate, String title,
                                      List<ProgrammeId> programmeIds, Instant presentedAt, LocalDate figuresEffectiveOn,
                                      Provenance provenance) implements CommitteeEvent {

    /** Councils reckon "effective today" in their own time zone. */
    public static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");

    public PositionReportPresented {
        programmeIds = List.copyOf(programmeIds);
        Objects.requireNonNull(figuresEffectiveOn, "figuresEffectiveOn is required");
    }

    /** A report whose figures count the changes effective by the day it is presented. */
    public PositionReportPresented(CommitteeId committeeId, ReportId reportId, LocalDate meetingDate, String title,
                                   List<ProgrammeId> programmeIds, Instant presentedAt, Provenance provenance) {
        this(committeeId, reportId, meetingDate, title, programmeIds, presentedAt,
                LocalDate.ofInstant(presentedAt, COUNCIL_TIME), provenance);
    }
}
