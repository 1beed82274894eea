package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.FinancialYear;

/** A transformation programme was launched with a savings target over a period of financial years. */
@Revision("1")
public record ProgrammeLaunched(ProgrammeId programmeId, String organisation, String name, String description, Money savingsTarget,
                                FinancialYear firstYear, FinancialYear lastYear, Provenance provenance) implements ProgrammeEvent {
}
