package org.savingsledger.shared;

/** How sure the council is that a saving will be achieved. */
public enum Confidence {
    /** Expected to be achieved. */
    CONFIDENT,
    /** A stretch target: "less confidence that these are achievable". */
    STRETCH
}
