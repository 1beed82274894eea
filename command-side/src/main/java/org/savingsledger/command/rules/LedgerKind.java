package org.savingsledger.command.rules;

/** What an id names. Ids share one namespace across kinds. */
public enum LedgerKind {
    PROGRAMME("programme"),
    SAVING("saving"),
    COMMITTEE("committee"),
    REPORT("position report"),
    ORGANISATION("organisation");

    private final String label;

    LedgerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
