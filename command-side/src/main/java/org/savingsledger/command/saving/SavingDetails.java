package org.savingsledger.command.saving;

import org.savingsledger.command.rules.Amendments;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingProposed;

/** A saving's words, as an amendment compares them: title, workstream, owner (each may be null) and description. */
record SavingDetails(String title, String workstream, String owner, String description) {

    static SavingDetails of(SavingProposed event) {
        return new SavingDetails(event.title(), event.workstream(), event.owner(), null);
    }

    /** {@link org.savingsledger.command.rules.Rule#AMENDMENT_CHANGES_EACH_FIELD}. */
    void requireChangedBy(ChangeSavingDetails command) {
        String what = "saving '" + command.savingId() + "'";
        Amendments.requireChanged(what, "title", command.title(), title);
        Amendments.requireChanged(what, "workstream", command.workstream(), workstream);
        Amendments.requireChanged(what, "owner", command.owner(), owner);
        Amendments.requireChanged(what, "description", command.description(), description);
    }

    SavingDetails after(SavingDetailsChanged event) {
        return new SavingDetails(orElse(event.title(), title), orElse(event.workstream(), workstream),
                orElse(event.owner(), owner), orElse(event.description(), description));
    }

    private static String orElse(String given, String current) {
        return given != null ? given : current;
    }
}
