package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

/** Propose a saving within a programme, with its planned profile. */
public record ProposeSaving(@TargetAggregateIdentifier SavingId savingId, ProgrammeId programmeId, String title, String workstream,
                            String owner, Confidence confidence, Stage stage, SavingsProfile profile,
                            Provenance provenance) implements LedgerCommand {

    public ProposeSaving {
        InvalidCommand.required("id", savingId);
        InvalidCommand.required("programmeId", programmeId);
        title = InvalidCommand.text("title", title, 500);
        workstream = InvalidCommand.optionalText("workstream", workstream, 200);
        owner = InvalidCommand.optionalText("owner", owner, 200);
        InvalidCommand.required("confidence", confidence);
        InvalidCommand.required("stage", stage);
        if (stage == Stage.DELIVERED) {
            throw new InvalidCommand("stage", "must be one of CONCEPT, BUSINESS_CASE, IN_DELIVERY for a new saving");
        }
        InvalidCommand.required("profile", profile);
        InvalidCommand.required("provenance", provenance);
    }

    /** Whoever may see the programme may propose a saving in it. */
    @Override
    public CommandTarget target() {
        return CommandTarget.createdWithin(LedgerKind.SAVING, savingId.value(), LedgerKind.PROGRAMME, programmeId.value());
    }
}
