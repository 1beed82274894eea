package org.savingsledger.command.imports;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.saving.Saving;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The ledger as an import sees it: ids and programmes from the directory, and each saving loaded from
 * its events, as a command to it would load it (in a unit of work that is rolled back: reading writes
 * nothing). Any instance answers the same, since both live in the event store's database.
 */
@Component
class AggregateImportLedger implements ImportLedger {

    private final LedgerDirectory directory;
    private final Repository<Saving> savings;

    AggregateImportLedger(LedgerDirectory directory, @Qualifier("savingRepository") Repository<Saving> savings) {
        this.directory = directory;
        this.savings = savings;
    }

    @Override
    public Optional<ExistingSaving> saving(SavingId id) {
        Optional<DirectoryEntry> entry = entry(id.value()).filter(e -> e.kind() == LedgerKind.SAVING);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<Saving> saving = savings.load(id.value());
            return Optional.of(new ExistingSaving(saving.invoke(Saving::position), entry.get().organisation(), saving.version()));
        } finally {
            unitOfWork.rollback();
        }
    }

    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        return entry(id.value()).map(DirectoryEntry::programme);
    }

    @Override
    public boolean isTaken(String id) {
        return directory.isTaken(id);
    }

    private Optional<DirectoryEntry> entry(String id) {
        return Optional.ofNullable(directory.entries(List.of(id)).get(id));
    }
}
