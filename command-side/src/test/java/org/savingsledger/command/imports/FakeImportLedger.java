package org.savingsledger.command.imports;

import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ledger of the import tests: programme notts-asc (2018/19 to 2019/20) of nottinghamshire, and savings put in. */
final class FakeImportLedger implements ImportLedger {

    private static final FinancialYear Y18 = FinancialYear.of(2018);
    private static final FinancialYear Y19 = FinancialYear.of(2019);

    final Map<String, ProgrammeEntry> programmes = new HashMap<>(Map.of("notts-asc",
            new ProgrammeEntry(new ProgrammeId("notts-asc"), "nottinghamshire", Y18, Y19)));
    final Map<String, ExistingSaving> savings = new HashMap<>();

    void existing(String id, long version, String planned18, String planned19, String delivered18, Stage stage, Rag rag) {
        savings.put(id, new ExistingSaving(ImportPlannerTest.position("notts-asc", planned18, planned19, delivered18, stage, rag),
                "nottinghamshire", version));
    }

    @Override
    public Optional<ExistingSaving> saving(SavingId id) {
        return Optional.ofNullable(savings.get(id.value()));
    }

    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        return Optional.ofNullable(programmes.get(id.value()));
    }

    @Override
    public boolean isTaken(String id) {
        return savings.containsKey(id) || programmes.containsKey(id);
    }
}
