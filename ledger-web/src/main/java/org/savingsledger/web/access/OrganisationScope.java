package org.savingsledger.web.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whose data someone may see: a set of organisations, or every organisation. "Every organisation" is
 * never what a missing, null or empty set means (those see nothing): it is its own value, which comes
 * only from the administrator's grant ({@code ORG_*}, which {@link Grants} gives the {@code ADMIN} role
 * and nothing else) or, by name, from {@link #everyOrganisation()} in a tool the operator runs against
 * the stores directly.
 */
public final class OrganisationScope {

    private static final OrganisationScope EVERY = new OrganisationScope(Set.of(), true);
    private static final OrganisationScope NONE = new OrganisationScope(Set.of(), false);

    private final Set<String> organisations;
    private final boolean every;

    private OrganisationScope(Set<String> organisations, boolean every) {
        this.organisations = organisations;
        this.every = every;
    }

    /** Sees nothing: nobody signed in, or someone granted no organisation. */
    public static OrganisationScope none() {
        return NONE;
    }

    /**
     * Exactly these organisations (names compared as {@link Organisations#authority} does: trimmed, lower
     * case). An empty collection sees nothing; {@code null} is refused rather than read as "all".
     */
    public static OrganisationScope of(Collection<String> organisations) {
        Objects.requireNonNull(organisations, "organisations (use none() for no organisation)");
        Set<String> names = organisations.stream().map(OrganisationScope::normalised).collect(Collectors.toUnmodifiableSet());
        return names.isEmpty() ? NONE : new OrganisationScope(names, false);
    }

    /**
     * The organisations a signed-in user's authorities grant: every one only with the administrator's
     * {@code ORG_*}. {@code null} is refused.
     */
    public static OrganisationScope granted(Collection<String> authorities) {
        Objects.requireNonNull(authorities, "authorities");
        if (authorities.contains(Organisations.PREFIX + Organisations.ALL)) {
            return EVERY;
        }
        return of(authorities.stream().filter(a -> a.startsWith(Organisations.PREFIX))
                .map(a -> a.substring(Organisations.PREFIX.length())).toList());
    }

    /** Every organisation, by name: for a tool the operator runs against the stores themselves, never for a request. */
    public static OrganisationScope everyOrganisation() {
        return EVERY;
    }

    /** Whether data of {@code organisation} is in scope; data of no known organisation is only in every organisation's. */
    public boolean includes(String organisation) {
        return every || (organisation != null && organisations.contains(normalised(organisation)));
    }

    public boolean isEveryOrganisation() {
        return every;
    }

    private static String normalised(String organisation) {
        return Objects.requireNonNull(organisation, "organisation").strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrganisationScope scope && every == scope.every && organisations.equals(scope.organisations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(every, organisations);
    }

    @Override
    public String toString() {
        return every ? "every organisation" : organisations.isEmpty() ? "no organisation" : organisations.toString();
    }
}
