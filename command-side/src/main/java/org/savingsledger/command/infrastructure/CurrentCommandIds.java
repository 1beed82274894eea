package org.savingsledger.command.infrastructure;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.savingsledger.command.rules.DirectoryLookup;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.shared.ProgrammeId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@link NamedIds} an aggregate's command handler is given: the directory read the command being
 * handled was sent with ({@link CommandLookup}), so the aggregate's rules read nothing themselves.
 * Axon resolves the handler parameter to this bean; each call answers for the unit of work of the
 * thread asking, which is the command's.
 */
@Component
class CurrentCommandIds implements NamedIds {

    @Override
    public Optional<LedgerKind> kindOf(String id) {
        return lookup().kindOf(id);
    }

    @Override
    public Optional<String> organisationOf(String id) {
        return lookup().organisationOf(id);
    }

    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        return lookup().programme(id);
    }

    private static DirectoryLookup lookup() {
        return DirectoryLookup.of(CurrentUnitOfWork.get().getMessage().getMetaData()).orElseThrow(
                () -> new IllegalStateException("the command was sent without its directory read"));
    }
}
