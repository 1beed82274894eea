package org.savingsledger.query.odata;

import org.apache.olingo.server.api.uri.UriInfoResource;
import org.apache.olingo.server.api.uri.queryoption.CustomQueryOption;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.web.OrganisationParameter;
import org.savingsledger.query.web.QueryParameters;
import org.savingsledger.query.web.ReadYourWrites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a request asks of an entity set, read and checked before any row is: the extract (as at, effective
 * on, organisation and programme handed down from {@code $filter}), the rest of the filter, the order, and
 * the window ({@code $skip}, {@code $top}, {@code $skiptoken}). Options the feed does not implement are
 * refused here, as is any custom option but the ledger's own.
 *
 * @param skipToken rows of the window already served by earlier pages of the same read
 * @param top       the most rows to serve from {@code skip} on; {@link Long#MAX_VALUE} when not limited
 * @param order     null for the dataset's own order
 */
record SetQuery(Dataset dataset, BiQuery extract, FilterPlan filter, Comparator<Object[]> order, long skip, long top,
                long skipToken, boolean count) {

    static final String AS_AT = "asAt";
    static final String EFFECTIVE_ON = "effectiveOn";
    static final String CONSISTENCY_TOKEN = "consistencyToken";
    /** The ledger's own (OData "custom") query options; any other is refused rather than ignored. */
    static final Set<String> CUSTOM_OPTIONS = Set.of(AS_AT, EFFECTIVE_ON, CONSISTENCY_TOKEN);

    static SetQuery of(Dataset dataset, UriInfoResource uri, FeedContext feed) throws Refusal {
        refuseUnimplemented(uri);
        Map<String, String> custom = customOptions(uri);
        try {
            feed.readYourWrites().await(custom.get(CONSISTENCY_TOKEN));
        } catch (ReadYourWrites.NotCaughtUp e) {
            throw Refusal.notCaughtUp(e.getMessage());
        } catch (QueryParameters.InvalidQuery e) {
            throw Refusal.invalid(CONSISTENCY_TOKEN, e.getMessage());
        }
        FilterPlan filter = FilterPlan.of(uri.getFilterOption() == null ? null : uri.getFilterOption().getExpression());
        Instant asAt = parameter(AS_AT, () -> QueryParameters.asAt(custom.get(AS_AT), feed.clock()));
        LocalDate effectiveOn = parameter(EFFECTIVE_ON, () -> QueryParameters.effectiveOn(custom.get(EFFECTIVE_ON), feed.clock()));
        String organisation;
        try {
            organisation = OrganisationParameter.of(filter.organisation(), feed.queries());
        } catch (QueryParameters.NotFound e) {
            throw Refusal.notFound("$filter", e.getMessage());
        }
        // checks every condition against a row of nulls: an unimplemented part is refused before any row is read
        filter.test(dataset, new Object[dataset.columns().size()]);
        return new SetQuery(dataset, new BiQuery(asAt, effectiveOn, organisation, filter.programmeId()), filter,
                uri.getOrderByOption() == null ? null : RowOrder.of(uri.getOrderByOption(), dataset),
                uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue(),
                uri.getTopOption() == null ? Long.MAX_VALUE : uri.getTopOption().getValue(),
                skipToken(uri), uri.getCountOption() != null && uri.getCountOption().getValue());
    }

    /** The custom query options of a request, refusing any the ledger does not have (a misspelt effectiveon=). */
    static Map<String, String> customOptions(UriInfoResource uri) throws Refusal {
        Map<String, String> options = new HashMap<>();
        for (CustomQueryOption option : uri.getCustomQueryOptions()) {
            if (!CUSTOM_OPTIONS.contains(option.getName())) {
                throw Refusal.invalid(option.getName(), "'" + option.getName() + "' is not a query option of this "
                        + "OData service; its own are " + String.join(", ", CUSTOM_OPTIONS.stream().sorted().toList())
                        + " (see docs/odata.md)");
            }
            options.put(option.getName(), option.getText());
        }
        return options;
    }

    private static void refuseUnimplemented(UriInfoResource uri) throws Refusal {
        if (uri.getExpandOption() != null) {
            throw Refusal.notImplemented("$expand", "$expand is not implemented: the entity types have no navigation properties");
        }
        if (uri.getSearchOption() != null) {
            throw Refusal.notImplemented("$search", "$search is not implemented; use $filter");
        }
        if (uri.getApplyOption() != null) {
            throw Refusal.notImplemented("$apply", "$apply (aggregation) is not implemented");
        }
        if (uri.getDeltaTokenOption() != null) {
            throw Refusal.notImplemented("$deltatoken", "delta links are not implemented");
        }
    }

    private static long skipToken(UriInfoResource uri) throws Refusal {
        String token = uri.getSkipTokenOption() == null ? null : uri.getSkipTokenOption().getValue();
        if (token == null) {
            return 0;
        }
        try {
            long rows = Long.parseLong(token.trim());
            if (rows >= 0 && rows <= Integer.MAX_VALUE) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid("$skiptoken", "must be the $skiptoken of a next link this service gave, was '" + token + "'");
    }

    private interface Reading<T> {
        T read();
    }

    private static <T> T parameter(String name, Reading<T> reading) throws Refusal {
        try {
            return reading.read();
        } catch (QueryParameters.InvalidQuery e) {
            throw Refusal.invalid(name, e.getMessage());
        }
    }

    /** The first row of this page in the filtered, ordered set. */
    long first() {
        return skip + skipToken;
    }

    /** How many rows the window still holds from {@link #first()}. */
    long remaining() {
        return top == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, top - skipToken);
    }
}
