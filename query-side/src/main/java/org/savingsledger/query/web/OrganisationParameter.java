package org.savingsledger.query.web;

import java.util.Locale;

/**
 * The {@code organisation} filter of a query: an organisation's id, in any case. A filter naming no
 * organisation the caller may see is a 404 naming it, the same words whether it does not exist or is
 * another's, rather than an empty answer that looks like an organisation with nothing in it.
 */
public final class OrganisationParameter {

    private OrganisationParameter() {
    }

    /** The organisation's id; null when the parameter is missing or blank. */
    public static String of(String value, SignedInQueries queries) {
        String given = QueryParameters.optional(value);
        if (given == null) {
            return null;
        }
        String id = given.toLowerCase(Locale.ROOT);
        if (!queries.organisations().shows(id)) {
            throw new QueryParameters.NotFound("no organisation '" + given + "'");
        }
        return id;
    }
}
