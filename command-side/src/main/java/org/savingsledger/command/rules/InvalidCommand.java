package org.savingsledger.command.rules;

import org.savingsledger.shared.Money;
import org.savingsledger.shared.Provenance;

/** A command's field is invalid in itself (e.g. an amount that must be above zero); nothing was written. */
public class InvalidCommand extends IllegalArgumentException {

    private final String field;

    public InvalidCommand(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String fieldMessage() {
        return getMessage().substring(field.length() + 1);
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidCommand(field, "is required");
        }
        return value;
    }

    /** Required, not blank, at most {@code max} characters; returned trimmed. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, "is required and must not be blank");
        }
        return optionalText(field, value, max);
    }

    /** May be null; blank becomes null; at most {@code max} characters; returned trimmed. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidCommand(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    public static Money positive(String field, Money amount) {
        required(field, amount);
        if (!amount.isPositive()) {
            throw new InvalidCommand(field, "must be greater than 0");
        }
        return amount;
    }

    public static Money notNegative(String field, Money amount) {
        required(field, amount);
        if (amount.isNegative()) {
            throw new InvalidCommand(field, "must not be negative");
        }
        return amount;
    }

    /** A correction or an amendment must say why, whatever it changes. */
    public static Provenance withReasonFor(String change, Provenance provenance) {
        required("provenance", provenance);
        if (!provenance.hasReason()) {
            throw new InvalidCommand("reason", "is required for " + change);
        }
        return provenance;
    }

    /** A signed correction: required and not 0. */
    public static Money nonZero(String field, Money amount) {
        required(field, amount);
        if (amount.isZero()) {
            throw new InvalidCommand(field, "must not be 0");
        }
        return amount;
    }

    /** Commands that change a money figure, a stage, a confidence or a RAG status must say why. */
    public static Provenance withReason(Provenance provenance) {
        required("provenance", provenance);
        if (!provenance.hasReason()) {
            throw new InvalidCommand("reason", "is required for a change to a money figure, stage, confidence or RAG status");
        }
        return provenance;
    }
}
