package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

/**
 * Propose a saving within a programme, with its planned profile. Without {@code recurrence} a saving is
 * {@link Recurrence#RECURRING}, the usual case of a council's savings and what the ledger's sums assume;
 * without {@code category} it has none until classified; without {@code posts} it plans no posts.
 */
public record ProposeSaving(@TargetAggregateIdentifier SavingId savingId, ProgrammeId programmeId, String title, String workstream,
                            String owner, Confidence confidence, Stage stage, SavingsProfile profile,
                            Provenance provenance, Recurrence recurrence, SavingCategory category,
                            PostsProfile posts) implements LedgerCommand {

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
        recurrence = recurrence == null ? Recurrence.RECURRING : recurrence;
        posts = PostsFigures.requireWithinLimit("posts", posts == null ? PostsProfile.EMPTY : posts);
    }

    /** A proposal saying nothing of recurrence, category or posts. */
    public ProposeSaving(SavingId savingId, ProgrammeId programmeId, String title, String workstream, String owner,
                         Confidence confidence, Stage stage, SavingsProfile profile, Provenance provenance) {
        this(savingId, programmeId, title, workstream, owner, confidence, stage, profile, provenance, null, null, null);
    }

    /** Whoever may see the programme may propose a saving in it. */
    @Override
    public CommandTarget target() {
        return CommandTarget.createdWithin(LedgerKind.SAVING, savingId.value(), LedgerKind.PROGRAMME, programmeId.value());
    }
}
