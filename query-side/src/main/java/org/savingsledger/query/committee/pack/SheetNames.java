package org.savingsledger.query.committee.pack;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names a spreadsheet accepts: at most 31 characters, none of {@code []:*?/\}, not starting or
 * ending with an apostrophe, not blank, not {@code History} (reserved by Excel), and unique ignoring
 * case. Two names equal once cut to 31 characters are told apart by a suffix ({@code ~2}, {@code ~3}…).
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private final Set<String> taken = new HashSet<>();

    /** A valid name, unique among those this has given, as close to {@code wanted} as it can be. */
    String unique(String wanted) {
        String base = valid(wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return name;
    }

    private static String valid(String wanted) {
        String name = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "_").strip();
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        while (name.startsWith("'")) {
            name = name.substring(1);
        }
        while (name.endsWith("'")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isBlank() || name.equalsIgnoreCase("History")) {
            return "Sheet";
        }
        return name;
    }
}
