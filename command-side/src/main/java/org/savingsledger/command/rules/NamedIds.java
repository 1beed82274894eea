package org.savingsledger.command.rules;

import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.shared.ProgrammeId;

import java.util.Optional;

/**
 * The ledger directory as one command's rules see it: what it held, as the command was sent, for each
 * id the command names ({@link CommandTarget}). Aggregates take it as a handler parameter.
 */
public interface NamedIds {

    Optional<LedgerKind> kindOf(String id);

    /** The organisation an id belongs to: a programme's or committee's own, a saving's programme's, a report's committee's. */
    Optional<String> organisationOf(String id);

    Optional<ProgrammeEntry> programme(ProgrammeId id);

    default boolean isTaken(String id) {
        return kindOf(id).isPresent();
    }

    /** {@link Rule#ORGANISATION_MUST_EXIST}: {@code organisation} (an id the command names) is a registered organisation's. */
    default void requireOrganisation(String organisation) {
        if (kindOf(organisation).filter(LedgerKind.ORGANISATION::equals).isEmpty()) {
            throw new BusinessRuleViolation(Rule.ORGANISATION_MUST_EXIST, "there is no organisation '" + organisation + "'");
        }
    }
}
