package org.savingsledger.shared.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which organisations' data a user may see and change, carried as authorities
 * {@code ORG_<organisation>}; {@code ORG_*} is every organisation (the administrator).
 */
public final class Organisations {

    public static final String PREFIX = "ORG_";
    public static final String ALL = "*";

    private Organisations() {
    }

    /** The authority granting {@code organisation} ({@code *} for all). */
    public static String authority(String organisation) {
        return PREFIX + organisation.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the authorities grant the organisation. */
    public static boolean allows(Collection<String> authorities, String organisation) {
        if (organisation == null) {
            return authorities.contains(PREFIX + ALL);
        }
        return authorities.contains(PREFIX + ALL) || authorities.contains(authority(organisation));
    }

    /** Whether {@code granted} (from {@link #granted}; {@code null} for all) includes the organisation. */
    public static boolean includes(Set<String> granted, String organisation) {
        return granted == null || (organisation != null && granted.contains(organisation.strip().toLowerCase(Locale.ROOT)));
    }

    /** The organisations the authorities grant, or {@code null} for all of them. */
    public static Set<String> granted(Collection<String> authorities) {
        if (authorities.contains(PREFIX + ALL)) {
            return null;
        }
        return authorities.stream().filter(a -> a.startsWith(PREFIX)).map(a -> a.substring(PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
