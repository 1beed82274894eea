package org.savingsledger.command;

import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ledger directory as the aggregate tests' commands see it: what other aggregates exist, set by the test. */
public class InMemoryLedgerDirectory implements NamedIds {

    private final Map<String, LedgerKind> kinds = new HashMap<>();
    private final Map<ProgrammeId, ProgrammeEntry> programmes = new HashMap<>();

    public InMemoryLedgerDirectory programme(String id, String organisation, String firstYear, String lastYear) {
        ProgrammeId programmeId = ProgrammeId.of(id);
        programmes.put(programmeId, new ProgrammeEntry(programmeId, organisation,
                FinancialYear.parse(firstYear), FinancialYear.parse(lastYear)));
        kinds.put(id, LedgerKind.PROGRAMME);
        return this;
    }

    public InMemoryLedgerDirectory taken(String id, LedgerKind kind) {
        kinds.put(id, kind);
        return this;
    }

    @Override
    public Optional<LedgerKind> kindOf(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    @Override
    public Optional<String> organisationOf(String id) {
        ProgrammeEntry programme = programmes.get(ProgrammeId.of(id));
        return programme == null ? Optional.empty() : Optional.of(programme.organisation());
    }

    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        return Optional.ofNullable(programmes.get(id));
    }
}
