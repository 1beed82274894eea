package org.savingsledger.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** The rule every client-chosen id follows: {@code ^[a-z0-9][a-z0-9-]{0,62}$}. */
public final class LedgerIds {

    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private LedgerIds() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    static String requireValid(String value) {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "must match ^[a-z0-9][a-z0-9-]{0,62}$ (lower-case letters, digits and hyphens, at most 63), was '" + value + "'");
        }
        return value;
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }
}
