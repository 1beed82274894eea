package org.savingsledger.command.saving;

import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * A saving as its aggregate holds it now, for whoever must work out which commands would bring it to
 * given figures (a spreadsheet import): the same state the commands are then checked against.
 */
public record SavingPosition(ProgrammeId programmeId, String title, String workstream, String owner, String description,
                             Stage stage, Confidence confidence, Rag rag, boolean withdrawn, Recurrence recurrence,
                             SavingCategory category, SortedMap<FinancialYear, BigDecimal> planned,
                             SortedMap<FinancialYear, BigDecimal> delivered, SortedMap<FinancialYear, BigDecimal> postsPlanned,
                             SortedMap<FinancialYear, BigDecimal> postsDelivered) {
}
