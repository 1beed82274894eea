package org.savingsledger.query.history;

/** The kinds of event stream the read side keeps. */
public enum StreamKind {
    SAVING,
    PROGRAMME,
    COMMITTEE
}
