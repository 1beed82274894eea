package org.savingsledger.query.reading;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whose data a query shows. Every organisation is a value of its own that a caller must ask for by
 * name ({@link #allOrganisations()}); anything else shows at most the organisations it names, and
 * data that belongs to no known organisation only to every organisation's visibility. The query side
 * takes the organisations as a test of membership so it needs no access types: the web layer builds
 * it from the signed-in user's grants.
 */
public final class Visibility {

    private static final Visibility ALL = new Visibility(true, organisation -> true, "all organisations");
    private static final Visibility NONE = new Visibility(false, organisation -> false, "no organisation");

    private final boolean all;
    private final Predicate<String> organisations;
    private final String description;

    private Visibility(boolean all, Predicate<String> organisations, String description) {
        this.all = all;
        this.organisations = organisations;
        this.description = description;
    }

    /** Every organisation's data, also data of no known organisation: for the administrator and the operator's tools. */
    public static Visibility allOrganisations() {
        return ALL;
    }

    /** Nothing at all: nobody signed in, or someone granted no organisation. */
    public static Visibility none() {
        return NONE;
    }

    /**
     * The organisations {@code granted} accepts (asked only of non-null names). Even one that accepts
     * every name does not show data of no known organisation: only {@link #allOrganisations()} does.
     */
    public static Visibility of(Predicate<String> granted) {
        Objects.requireNonNull(granted, "granted (use none() for no organisation)");
        return new Visibility(false, granted, "some organisations");
    }

    /** Whether data of {@code organisation} (null when it belongs to none known) is shown. */
    public boolean includes(String organisation) {
        return all || (organisation != null && organisations.test(organisation));
    }

    public boolean isAllOrganisations() {
        return all;
    }

    @Override
    public String toString() {
        return description;
    }
}
