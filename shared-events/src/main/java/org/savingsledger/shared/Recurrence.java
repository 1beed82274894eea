package org.savingsledger.shared;

/**
 * Whether a saving, once achieved, goes on saving in later years. A profile amount is always the new
 * saving achieved in its year (see docs/domain-model.md); recurrence says what becomes of it afterwards.
 */
public enum Recurrence {
    /** Achieved once and kept: the budget is lower in every later year without being planned again. */
    RECURRING,
    /** Achieved in its year only: the next year's budget must find it again, so it returns as a pressure. */
    ONE_OFF
}
