package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * Identifies an organisation (a council): a lower-case slug such as {@code nottinghamshire} or
 * {@code east-riding}, at most 63 characters. Stricter than {@link LedgerIds#PATTERN} (no leading,
 * trailing or doubled hyphen) because people type it into filters, grants and bodies by hand.
 */
public record OrganisationId(String value) {

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public OrganisationId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        if (!isValid(value)) {
            throw new IllegalArgumentException("must be a lower-case slug matching [a-z0-9]+(-[a-z0-9]+)* of at most 63 "
                    + "characters, was '" + value + "'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 63 && PATTERN.matcher(value).matches();
    }

    @JsonCreator
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
