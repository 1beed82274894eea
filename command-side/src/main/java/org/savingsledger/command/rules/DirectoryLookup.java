package org.savingsledger.command.rules;

import org.axonframework.messaging.MetaData;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.shared.ProgrammeId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One read of the ledger directory for one command: the entries found among the ids it asked for. It
 * travels with the command as metadata under {@link #METADATA_KEY} (not copied to events), so a retry on
 * another thread answers from the same read. Asking about an id the command did not name is a
 * programming error — its {@link CommandTarget} is missing it — and fails rather than answer "unknown".
 */
public record DirectoryLookup(Set<String> asked, Map<String, DirectoryEntry> found) implements NamedIds {

    public static final String METADATA_KEY = "ledgerDirectory";

    public DirectoryLookup {
        asked = Set.copyOf(asked);
        found = Map.copyOf(found);
    }

    /** The lookup a command carries; none when it was sent without one (the command bus always adds it). */
    public static Optional<DirectoryLookup> of(MetaData metaData) {
        return metaData.get(METADATA_KEY) instanceof DirectoryLookup lookup ? Optional.of(lookup) : Optional.empty();
    }

    public Optional<DirectoryEntry> entry(String id) {
        if (!asked.contains(id)) {
            throw new IllegalStateException("the command did not name id '" + id + "' (named: " + asked + ")");
        }
        return Optional.ofNullable(found.get(id));
    }

    @Override
    public Optional<LedgerKind> kindOf(String id) {
        return entry(id).map(DirectoryEntry::kind);
    }

    @Override
    public Optional<String> organisationOf(String id) {
        return entry(id).map(DirectoryEntry::organisation);
    }

    /** A programme named by the command, or the programme of a saving it names. */
    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        Optional<ProgrammeEntry> ofNamed = found.values().stream().map(DirectoryEntry::programme)
                .filter(programme -> programme != null && programme.id().equals(id)).findFirst();
        return ofNamed.isPresent() ? ofNamed
                : entry(id.value()).filter(entry -> entry.kind() == LedgerKind.PROGRAMME).map(DirectoryEntry::programme);
    }
}
