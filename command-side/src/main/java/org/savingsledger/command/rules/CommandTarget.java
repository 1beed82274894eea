package org.savingsledger.command.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a command names in the ledger directory, so that one read before it runs answers every
 * check on the way: the aggregate it acts on ({@link #kind()}, {@link #id()}), whether it creates it,
 * what decides who may send it — the organisation it creates in, or the id whose organisation the
 * sender must see — and any other ids its rules look at ({@link #alsoNamed()}).
 */
public record CommandTarget(LedgerKind kind, String id, boolean creates, String organisation,
                            LedgerKind accessKind, String accessId, List<String> alsoNamed) {

    public CommandTarget {
        alsoNamed = List.copyOf(alsoNamed);
    }

    /** A command to an aggregate that must exist and be of {@code kind}; its organisation decides who may send it. */
    public static CommandTarget existing(LedgerKind kind, String id) {
        return new CommandTarget(kind, id, false, null, kind, id, List.of());
    }

    /** Creates an aggregate in {@code organisation}, which the sender must belong to. */
    public static CommandTarget createdIn(LedgerKind kind, String id, String organisation) {
        return new CommandTarget(kind, id, true, organisation, null, null, List.of());
    }

    /** Creates an aggregate within another one, whose organisation the sender must see. */
    public static CommandTarget createdWithin(LedgerKind kind, String id, LedgerKind parentKind, String parentId) {
        return new CommandTarget(kind, id, true, null, parentKind, parentId, List.of());
    }

    /** The same target, naming {@code others} too (nulls are left out: the command refused them already). */
    public CommandTarget alsoNaming(Collection<String> others) {
        List<String> named = new ArrayList<>(alsoNamed);
        others.stream().filter(Objects::nonNull).forEach(named::add);
        return new CommandTarget(kind, id, creates, organisation, accessKind, accessId, named);
    }

    /** Every id the one directory read must answer for. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        if (id != null) {
            ids.add(id);
        }
        if (accessId != null) {
            ids.add(accessId);
        }
        ids.addAll(alsoNamed);
        return ids;
    }
}
