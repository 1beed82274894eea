package org.savingsledger.command.ui;

import org.savingsledger.web.pages.NothingToShow;

import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.web.access.Organisations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.ArrayList;
import java.util.List;

/**
 * What a form is for, as the command side's directory knows it: a form for another organisation's thing, or for
 * nothing, is "page not found", exactly as the API answers 404 for both, so ids do not leak.
 */
final class FormTargets {

    private final LedgerDirectory directory;

    FormTargets(LedgerDirectory directory) {
        this.directory = directory;
    }

    DirectoryEntry require(String id, LedgerKind kind, Authentication user) {
        if (id == null || !LedgerIds.isValid(id)) {
            throw new EditNotFound();
        }
        DirectoryEntry entry = directory.entries(List.of(id)).get(id);
        List<String> granted = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (entry == null || entry.kind() != kind || !Organisations.allows(granted, entry.organisation())) {
            throw new EditNotFound();
        }
        return entry;
    }

    /** Whether {@code organisation} is registered and one of the user's: an import's organisation. */
    void requireOrganisation(String organisation, Authentication user) {
        require(organisation, LedgerKind.ORGANISATION, user);
    }

    /** The years of the programme the entry is or belongs to; none for a committee. */
    static List<FinancialYear> years(DirectoryEntry entry) {
        List<FinancialYear> years = new ArrayList<>();
        if (entry.programme() != null) {
            for (FinancialYear year = entry.programme().firstYear(); !year.isAfter(entry.programme().lastYear());
                 year = year.next()) {
                years.add(year);
            }
        }
        return years;
    }

    /** A form naming nothing the signed-in user may change. */
    static class EditNotFound extends NothingToShow {
    }
}
