package org.savingsledger.web.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A user's roles and organisations as authorities, whether they come from the configuration (local
 * users) or from a token's claims (an OpenID Connect provider). Unknown role names grant nothing.
 */
public final class Grants {

    private Grants() {
    }

    /**
     * The authorities for the given role and organisation names; {@code ADMIN} also grants every
     * organisation.
     */
    public static Set<String> authorities(Collection<?> roles, Collection<?> organisations) {
        Set<String> authorities = new LinkedHashSet<>();
        for (Object role : roles == null ? Set.of() : roles) {
            String name = String.valueOf(role).strip().toUpperCase(Locale.ROOT);
            if (name.startsWith("ROLE_")) {
                name = name.substring("ROLE_".length());
            }
            for (Role known : Role.values()) {
                if (known.name().equals(name)) {
                    authorities.add(known.authority());
                }
            }
        }
        for (Object organisation : organisations == null ? Set.of() : organisations) {
            String name = String.valueOf(organisation).strip();
            // "*" is every organisation, which only the ADMIN role grants: not a name a user or a token can be given
            if (!name.isEmpty() && !name.equals(Organisations.ALL)) {
                authorities.add(Organisations.authority(name));
            }
        }
        if (authorities.contains(Role.ADMIN.authority())) {
            authorities.add(Organisations.authority(Organisations.ALL));
        }
        return authorities;
    }

    /** A claim that is a list, or a single string with names separated by commas or spaces. */
    public static Collection<?> names(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        if (claim instanceof Collection<?> collection) {
            return collection;
        }
        return Set.of(String.valueOf(claim).split("[,\\s]+"));
    }
}
