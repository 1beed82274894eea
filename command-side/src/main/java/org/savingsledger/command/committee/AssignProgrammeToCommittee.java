package org.savingsledger.command.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

import java.util.List;

/** Make the committee oversee a programme of its own organisation. Assigning it again changes nothing. */
public record AssignProgrammeToCommittee(@TargetAggregateIdentifier CommitteeId committeeId, ProgrammeId programmeId,
                                         Provenance provenance, @TargetAggregateVersion Long expectedVersion) implements CommitteeCommand {

    public AssignProgrammeToCommittee {
        InvalidCommand.required("programmeId", programmeId);
        InvalidCommand.required("provenance", provenance);
    }

    @Override
    public CommandTarget target() {
        return CommitteeCommand.super.target().alsoNaming(List.of(programmeId.value()));
    }
}
