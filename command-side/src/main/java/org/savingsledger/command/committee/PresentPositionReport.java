package org.savingsledger.command.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ReportId;

import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Present a position report to the committee, freezing the figures of the given programmes (default:
 * every programme it oversees) as known at {@code presentedAt}, counting the changes effective on or
 * before {@code figuresEffectiveOn} (default: the meeting date; a report often gives the position at
 * an earlier period end, never one later than its meeting). The report takes effect at its meeting:
 * its provenance's effective date is the meeting date, and any other is refused rather than ignored.
 */
public record PresentPositionReport(@TargetAggregateIdentifier CommitteeId committeeId, ReportId reportId, LocalDate meetingDate,
                                    String title, List<ProgrammeId> programmeIds, Instant presentedAt,
                                    LocalDate figuresEffectiveOn, Provenance provenance,
                                    @TargetAggregateVersion Long expectedVersion) implements CommitteeCommand {

    public PresentPositionReport {
        InvalidCommand.required("id", reportId);
        InvalidCommand.required("meetingDate", meetingDate);
        if (figuresEffectiveOn == null) {
            figuresEffectiveOn = meetingDate;
        } else if (figuresEffectiveOn.isAfter(meetingDate)) {
            throw new InvalidCommand("figuresEffectiveOn", "must not be after the meetingDate " + meetingDate
                    + ": a report gives the position known at its meeting");
        }
        title = InvalidCommand.text("title", title, 500);
        if (programmeIds != null) {
            if (programmeIds.stream().anyMatch(Objects::isNull)) { // List.of(...).contains(null) would throw
                throw new InvalidCommand("programmeIds", "must not contain null");
            }
            programmeIds = List.copyOf(new LinkedHashSet<>(programmeIds));
        }
        InvalidCommand.required("presentedAt", presentedAt);
        InvalidCommand.required("provenance", provenance);
        if (!provenance.effectiveDate().equals(meetingDate)) {
            throw new InvalidCommand("effectiveDate", "a report takes effect at its meeting: leave effectiveDate out or "
                    + "send the meetingDate " + meetingDate + "; figuresEffectiveOn gives the date its figures count to");
        }
    }

    /** The report's id, which must be free, and the programmes named; the committee's own need no read. */
    @Override
    public CommandTarget target() {
        List<String> named = new ArrayList<>();
        named.add(reportId.value());
        if (programmeIds != null) {
            programmeIds.forEach(programme -> named.add(programme.value()));
        }
        return CommitteeCommand.super.target().alsoNaming(named);
    }
}
