package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Cost was drawn down against the programme's budget (an increment), on the funding {@code source} it names (null:
 * none named). May exceed the approved budget, the source's too: that is shown, not refused. Revision 1 events read
 * with no source.
 */
@Revision("2")
public record ProgrammeCostDrawnDown(ProgrammeId programmeId, Money amount, Provenance provenance,
                                     String source) implements ProgrammeEvent {

    /** A drawdown naming no funding source. */
    public ProgrammeCostDrawnDown(ProgrammeId programmeId, Money amount, Provenance provenance) {
        this(programmeId, amount, provenance, null);
    }
}
