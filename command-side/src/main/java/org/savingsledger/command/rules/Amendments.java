package org.savingsledger.command.rules;

import java.util.Objects;

/**
 * The checks every amendment of details makes, of a programme or a saving: a field left out (null) keeps its
 * value, a field given is not blank and changes its value ({@link Rule#AMENDMENT_CHANGES_EACH_FIELD}).
 */
public final class Amendments {

    private Amendments() {
    }

    /** The value given for {@code field}, trimmed; null when left out. Blank is refused: leave it out to keep it. */
    public static String given(String field, String value, int max) {
        if (value != null && value.isBlank()) {
            throw new InvalidCommand(field, "must not be blank (leave it out to keep the current value)");
        }
        return InvalidCommand.optionalText(field, value, max);
    }

    /** Refuses a value given that is the current one: an amendment that changes nothing is a mistake, not a fact. */
    public static void requireChanged(String what, String field, String given, String current) {
        if (given != null && Objects.equals(given, current)) {
            throw new BusinessRuleViolation(Rule.AMENDMENT_CHANGES_EACH_FIELD,
                    field + " of " + what + " is already '" + current + "'");
        }
    }
}
