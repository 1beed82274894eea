package org.savingsledger.shared;

/** Red/amber/green delivery status as reported to committees. */
public enum Rag {
    RED,
    AMBER,
    GREEN
}
