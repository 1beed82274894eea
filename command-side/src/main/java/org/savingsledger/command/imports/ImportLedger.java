package org.savingsledger.command.imports;

import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.saving.SavingPosition;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;

import java.util.Optional;

/** What an import needs to know of the ledger to work out its commands: the savings and programmes it names. */
public interface ImportLedger {

    /** The saving as it stands, and its version, when the id is a saving's. */
    Optional<ExistingSaving> saving(SavingId id);

    Optional<ProgrammeEntry> programme(ProgrammeId id);

    /** Whether any record (of any kind, in any organisation) has the id: ids share one namespace. */
    boolean isTaken(String id);

    record ExistingSaving(SavingPosition position, String organisation, long version) {
    }
}
