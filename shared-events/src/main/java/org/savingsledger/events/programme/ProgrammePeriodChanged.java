package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The programme's period now runs from {@code firstYear} to {@code lastYear} (extended, shortened or moved);
 * {@code previousFirstYear} and {@code previousLastYear} are what it replaced. No year it dropped held planned
 * or delivered money of any of the programme's savings.
 */
@Revision("1")
public record ProgrammePeriodChanged(ProgrammeId programmeId, FinancialYear previousFirstYear, FinancialYear previousLastYear,
                                     FinancialYear firstYear, FinancialYear lastYear,
                                     Provenance provenance) implements ProgrammeEvent {
}
