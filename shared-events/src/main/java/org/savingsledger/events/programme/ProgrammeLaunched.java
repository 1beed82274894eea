package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * A transformation programme was launched with a savings target over a period of financial years. It may be a
 * later phase that {@code follows} an earlier programme of the same organisation, and may belong to a
 * {@code directorate} of the council (each null when not given). Revision 1 events read with neither.
 */
@Revision("2")
public record ProgrammeLaunched(ProgrammeId programmeId, String organisation, String name, String description, Money savingsTarget,
                                FinancialYear firstYear, FinancialYear lastYear, Provenance provenance,
                                ProgrammeId follows, String directorate) implements ProgrammeEvent {

    /** A launch that follows no programme and names no directorate. */
    public ProgrammeLaunched(ProgrammeId programmeId, String organisation, String name, String description,
                             Money savingsTarget, FinancialYear firstYear, FinancialYear lastYear, Provenance provenance) {
        this(programmeId, organisation, name, description, savingsTarget, firstYear, lastYear, provenance, null, null);
    }
}
