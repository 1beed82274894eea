package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

/**
 * A saving (savings line) was proposed within a programme, with its planned profile. Revision 2 adds
 * {@code recurrence}, {@code category} and {@code posts}; a revision 1 event has none of them and reads
 * as {@link Recurrence#RECURRING} (what the ledger's sums of profiles always assumed), no category and no
 * posts planned.
 */
@Revision("2")
public record SavingProposed(SavingId savingId, ProgrammeId programmeId, String title, String workstream, String owner,
                             Confidence confidence, Stage stage, SavingsProfile profile, Provenance provenance,
                             Recurrence recurrence, SavingCategory category, PostsProfile posts) implements SavingEvent {

    public SavingProposed {
        recurrence = recurrence == null ? Recurrence.RECURRING : recurrence;
        posts = posts == null ? PostsProfile.EMPTY : posts;
    }

    /** A proposal saying nothing of recurrence, category or posts. */
    public SavingProposed(SavingId savingId, ProgrammeId programmeId, String title, String workstream, String owner,
                          Confidence confidence, Stage stage, SavingsProfile profile, Provenance provenance) {
        this(savingId, programmeId, title, workstream, owner, confidence, stage, profile, provenance, null, null, null);
    }
}
