package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The approved budget of the funding {@code source} it names (null: none named) was corrected by a signed, non-zero
 * amount (a reduction, or an approval recorded wrongly); neither it nor the source's approved budget goes below
 * zero. The approvals it corrects stay as they were recorded. Revision 1 events read with no source.
 */
@Revision("2")
public record ProgrammeBudgetCorrected(ProgrammeId programmeId, Money amount, Provenance provenance,
                                       String source) implements ProgrammeEvent {

    /** A correction naming no funding source. */
    public ProgrammeBudgetCorrected(ProgrammeId programmeId, Money amount, Provenance provenance) {
        this(programmeId, amount, provenance, null);
    }
}
