package org.savingsledger.events.committee;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.ReportId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A position report was presented to the committee: the figures of {@code programmeIds} as the ledger knew them at {@code presentedAt} are frozen as that report. */
@Revision("1")
public record PositionReportPresented(CommitteeId committeeId, ReportId reportId, LocalDate meetingDate, String title,
                                      List<ProgrammeId> programmeIds, Instant presentedAt, Provenance provenance) implements CommitteeEvent {

    public PositionReportPresented {
        programmeIds = List.copyOf(programmeIds);
    }
}
