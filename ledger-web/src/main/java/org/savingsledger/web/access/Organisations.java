package org.savingsledger.web.access;

import java.util.Collection;
import java.util.Locale;

/**
 * Which organisations' data a user may see and change, carried as authorities
 * {@code ORG_<organisation>}; {@code ORG_*} is every organisation (the administrator's alone: see
 * {@link Grants}). A whole set of them is an {@link OrganisationScope}.
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
}
