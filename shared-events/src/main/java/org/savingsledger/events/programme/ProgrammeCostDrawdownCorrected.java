package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The cost drawn down on the funding {@code source} it names (null: none named) was corrected by a signed, non-zero
 * amount (a drawdown reversed, or recorded wrongly); neither it nor the source's cost drawn down goes below zero.
 * The drawdowns it corrects stay as they were recorded. Revision 1 events read with no source.
 */
@Revision("2")
public record ProgrammeCostDrawdownCorrected(ProgrammeId programmeId, Money amount, Provenance provenance,
                                             String source) implements ProgrammeEvent {

    /** A correction naming no funding source. */
    public ProgrammeCostDrawdownCorrected(ProgrammeId programmeId, Money amount, Provenance provenance) {
        this(programmeId, amount, provenance, null);
    }
}
