package org.savingsledger.query.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.bi.ExtractFormat;
import org.savingsledger.web.PublicLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only OData v4 service over the BI datasets, for Power BI's and Excel's "OData Feed"
 * connectors: the service document, {@code $metadata} (CSDL), and one entity set per dataset with
 * server-driven paging, {@code $top}, {@code $skip}, {@code $select} and {@code $filter} equality on
 * organisation, programme and year. docs/odata.md says what of the protocol is covered.
 *
 * <p>Every entity has the key {@code row_number}: its position in the dataset's stable order for
 * the pinned {@code asAt}. Paging pins {@code asAt} and {@code effectiveOn} in every next link, so
 * the pages of one read are one consistent extract even while commands come in.
 *
 * <p>It is longer than the ~250 lines other classes keep to, on purpose: it is to be replaced as a
 * whole by Apache Olingo's OData server, which parses {@code $filter}, writes the CSDL and pages by
 * itself, so splitting this hand-written protocol code first would be work thrown away.
 */
@RestController
@Tag(name = "OData feed", description = "Read-only OData v4 over the BI datasets, for Power BI and Excel (Get data → OData feed).")
class ODataController {

    private static final String NAMESPACE = "SavingsLedger";
    private static final String ROW_NUMBER = "row_number";
    private static final Pattern CONDITION = Pattern.compile("\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    private static final Pattern END = Pattern.compile("\\s*");
    private static final Set<String> FILTERABLE = Set.of("organisation", "programme_id", "year");
    private static final Set<String> SUPPORTED_OPTIONS =
            Set.of("$top", "$skip", "$skiptoken", "$select", "$filter", "$count", "$format");
    /** The ledger's own (OData "custom") query options: any other name without {@code $} or {@code @} is refused. */
    private static final Set<String> CUSTOM_OPTIONS = Set.of("asAt", "effectiveOn", "consistencyToken");
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize=(\\d+)");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final int defaultPageSize;
    private final PublicLinks links;
    private final MeterRegistry meters;

    ODataController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock,
                    @Value("${ledger.odata.page-size:1000}") int defaultPageSize, PublicLinks links, MeterRegistry meters) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.defaultPageSize = defaultPageSize;
        this.links = links;
        this.meters = meters;
    }

    @GetMapping({"/odata", "/odata/"})
    @Operation(summary = "The OData service document: one entity set per BI dataset.")
    void serviceDocument(HttpServletResponse response) throws IOException {
        String base = base();
        try (JsonGenerator json = open(response)) {
            json.writeStartObject();
            json.writeStringField("@odata.context", base + "/$metadata");
            json.writeArrayFieldStart("value");
            for (Dataset dataset : Dataset.values()) {
                json.writeStartObject();
                json.writeStringField("name", dataset.fileName());
                json.writeStringField("kind", "EntitySet");
                json.writeStringField("url", dataset.fileName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    @GetMapping("/odata/$metadata")
    @Operation(summary = "The OData CSDL: an entity type per dataset, keyed by row_number, with typed properties.")
    void metadata(HttpServletResponse response) throws IOException {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n")
                .append("  <edmx:DataServices>\n")
                .append("    <Schema Namespace=\"").append(NAMESPACE).append("\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n");
        for (Dataset dataset : Dataset.values()) {
            xml.append("      <EntityType Name=\"").append(dataset.fileName()).append("\">\n")
                    .append("        <Key><PropertyRef Name=\"").append(ROW_NUMBER).append("\"/></Key>\n")
                    .append("        <Property Name=\"").append(ROW_NUMBER).append("\" Type=\"Edm.Int64\" Nullable=\"false\"/>\n");
            for (Column column : dataset.columns()) {
                xml.append("        <Property Name=\"").append(column.name()).append("\" Type=\"")
                        .append(column.type().edmType()).append('"');
                if (column.type() == Column.Type.MONEY || column.type() == Column.Type.DECIMAL) {
                    xml.append(" Precision=\"19\" Scale=\"2\"");
                }
                xml.append("/>\n");
            }
            xml.append("      </EntityType>\n");
        }
        xml.append("      <EntityContainer Name=\"Ledger\">\n");
        for (Dataset dataset : Dataset.values()) {
            xml.append("        <EntitySet Name=\"").append(dataset.fileName()).append("\" EntityType=\"")
                    .append(NAMESPACE).append('.').append(dataset.fileName()).append("\"/>\n");
        }
        xml.append("      </EntityContainer>\n    </Schema>\n  </edmx:DataServices>\n</edmx:Edmx>\n");
        response.setHeader("OData-Version", "4.0");
        response.setContentType("application/xml;charset=UTF-8");
        response.getOutputStream().write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/odata/{entitySet}")
    @Operation(summary = "An entity set: one page of rows (odata.maxpagesize, default 1000) with @odata.nextLink to the next.")
    void entitySet(@PathVariable("entitySet") String entitySet,
                   @RequestParam(name = "$top", required = false) String top,
                   @RequestParam(name = "$skip", required = false) String skip,
                   @RequestParam(name = "$skiptoken", required = false) String skipToken,
                   @RequestParam(name = "$select", required = false) String select,
                   @RequestParam(name = "$filter", required = false) String filter,
                   @RequestParam(name = "$count", required = false) String count,
                   @RequestParam(required = false) String asAt,
                   @RequestParam(required = false) String effectiveOn,
                   @RequestParam(required = false) String consistencyToken,
                   @RequestHeader(name = "Prefer", required = false) String prefer,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        // set before anything can fail, so refusals (problem+json) carry it too
        response.setHeader("OData-Version", "4.0");
        Dataset dataset = Dataset.named(entitySet)
                .orElseThrow(() -> new QueryParameters.NotFound("no entity set '" + entitySet + "'"));
        refuseUnsupportedOptions(request);
        boolean counting = bool("$count", count);
        Map<String, String> conditions = conditions(dataset, filter);
        readYourWrites.await(consistencyToken);
        String organisation = OrganisationParameter.of(conditions.get("organisation"), queries);
        List<Integer> selected = selected(dataset, select);
        Instant pinnedAsAt = QueryParameters.asAt(asAt, clock);
        LocalDate pinnedEffectiveOn = QueryParameters.effectiveOn(effectiveOn, clock);
        long first = number("$skip", skip) + number("$skiptoken", skipToken);
        long limit = top == null ? Long.MAX_VALUE : Math.max(0, number("$top", top) - number("$skiptoken", skipToken));
        int pageSize = pageSize(prefer);

        Page page = new Page(first, Math.min(limit, pageSize), counting);
        int yearColumn = columnIndex(dataset, "year");
        try {
            dataset.write(queries.extraction(), new BiQuery(pinnedAsAt, pinnedEffectiveOn, organisation,
                    conditions.get("programme_id")), values -> {
                if (conditions.containsKey("year")
                        && (values[yearColumn] == null || !conditions.get("year").equals(values[yearColumn].toString()))) {
                    return;
                }
                page.offer(values);
            });
        } catch (Page.Full full) {
            // the page and one row beyond it are in: the rest of the dataset is not built
        }

        if (prefer != null && MAX_PAGE_SIZE.matcher(prefer).find()) {
            response.setHeader("Preference-Applied", "odata.maxpagesize=" + pageSize);
        }
        String base = base();
        try (JsonGenerator json = open(response)) {
            json.writeStartObject();
            json.writeStringField("@odata.context", base + "/$metadata#" + dataset.fileName());
            if (counting) {
                json.writeNumberField("@odata.count", page.seen);
            }
            json.writeArrayFieldStart("value");
            for (int r = 0; r < page.rows.size(); r++) {
                Object[] values = page.rows.get(r);
                json.writeStartObject();
                if (selected == null || selected.contains(-1)) {
                    json.writeNumberField(ROW_NUMBER, page.first + r + 1);
                }
                for (int c = 0; c < dataset.columns().size(); c++) {
                    if (selected == null || selected.contains(c)) {
                        json.writeFieldName(dataset.columns().get(c).name());
                        ExtractFormat.writeValue(json, values[c]);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            if (page.more && limit > page.rows.size()) {
                json.writeStringField("@odata.nextLink", nextLink(base, dataset, request, pinnedAsAt, pinnedEffectiveOn,
                        number("$skiptoken", skipToken) + page.rows.size()));
            }
            json.writeEndObject();
        }
        // the same meter as the CSV and JSON Lines feeds, so the dashboard's BI panel sees Power BI's OData path too
        Counter.builder("ledger.bi.rows").description("Rows streamed by the BI feeds")
                .tag("dataset", dataset.fileName()).tag("format", "odata").register(meters)
                .increment(page.rows.size());
    }

    /**
     * Collects the rows of one page, and notes whether one more exists. When counting, it sees every
     * row to the end (holding only the page's) so {@code seen} is the count.
     */
    private static final class Page {

        private final long first;
        private final long size;
        private final boolean counting;
        private final List<Object[]> rows = new ArrayList<>();
        private long seen;
        private boolean more;

        Page(long first, long size, boolean counting) {
            this.first = first;
            this.size = size;
            this.counting = counting;
        }

        void offer(Object[] values) {
            if (seen++ < first) {
                return;
            }
            if (rows.size() < size) {
                rows.add(values);
            } else {
                more = true;
                if (!counting) {
                    throw new Full();
                }
            }
        }

        /** Stops building rows once the page is known to be full and followed by more. */
        private static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }
    }

    private String nextLink(String base, Dataset dataset, HttpServletRequest request, Instant asAt, LocalDate effectiveOn,
                            long nextSkipToken) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        parameters.remove("consistencyToken");
        parameters.put("asAt", asAt.toString());
        parameters.put("effectiveOn", effectiveOn.toString());
        parameters.put("$skiptoken", Long.toString(nextSkipToken));
        StringBuilder link = new StringBuilder(base).append('/').append(dataset.fileName()).append('?');
        parameters.forEach((name, value) -> link.append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8)).append('=')
                .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)).append('&'));
        return link.substring(0, link.length() - 1);
    }

    /**
     * Only {@code name eq 'value'} on organisation, programme_id and year, joined by {@code and};
     * parsed literal by literal so a value may itself hold " and " or a doubled quote.
     */
    private static Map<String, String> conditions(Dataset dataset, String filter) {
        Map<String, String> conditions = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return conditions;
        }
        Matcher condition = CONDITION.matcher(filter);
        Matcher and = AND.matcher(filter);
        Matcher end = END.matcher(filter);
        int at = 0;
        while (true) {
            if (!condition.region(at, filter.length()).lookingAt()) {
                throw invalidFilter("only equality on organisation, programme_id and year, joined by 'and', is supported, "
                        + "e.g. organisation eq 'nottinghamshire' and year eq '2018/19'", filter);
            }
            String property = condition.group(1);
            if (!FILTERABLE.contains(property) || columnIndex(dataset, property) < 0) {
                throw invalidFilter("'" + property + "' cannot be filtered on in " + dataset.fileName()
                        + "; only organisation, programme_id and year (where the set has them)", filter);
            }
            if (conditions.put(property, condition.group(2).replace("''", "'")) != null) {
                throw invalidFilter("'" + property + "' may be compared only once", filter);
            }
            at = condition.end();
            if (end.region(at, filter.length()).matches()) {
                return conditions;
            }
            if (!and.region(at, filter.length()).lookingAt()) {
                throw invalidFilter("conditions must be joined by 'and'", filter);
            }
            at = and.end();
        }
    }

    private static QueryParameters.InvalidQuery invalidFilter(String why, String filter) {
        return new QueryParameters.InvalidQuery("$filter", why + "; was '" + filter + "'");
    }

    /** Ignoring an option the client relies on ($orderby, $expand...) would give it wrong data silently. */
    private static void refuseUnsupportedOptions(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (name.startsWith("$") && !SUPPORTED_OPTIONS.contains(name)) {
                throw new QueryParameters.InvalidQuery(name, "is not supported by this OData service; supported are "
                        + String.join(", ", SUPPORTED_OPTIONS.stream().sorted().toList()) + " (see docs/odata.md)");
            }
            // a misspelt custom option (effectiveon=) or OData 4.01's $-less top= would otherwise be ignored
            // and the client handed data it did not ask for
            if (!name.startsWith("$") && !name.startsWith("@") && !CUSTOM_OPTIONS.contains(name)) {
                throw new QueryParameters.InvalidQuery(name, "is not a query option of this OData service; its own are "
                        + String.join(", ", CUSTOM_OPTIONS.stream().sorted().toList()) + " (see docs/odata.md)");
            }
        }
        String format = request.getParameter("$format");
        if (format != null && !format.equals("json") && !format.startsWith("application/json")) {
            throw new QueryParameters.InvalidQuery("$format", "only json is served, was '" + format + "'");
        }
    }

    private static boolean bool(String parameter, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new QueryParameters.InvalidQuery(parameter, "must be true or false, was '" + value + "'");
    }

    /** Column positions to write, -1 for row_number; null for all. */
    private static List<Integer> selected(Dataset dataset, String select) {
        if (select == null || select.isBlank() || select.trim().equals("*")) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        for (String name : select.split(",")) {
            String property = name.trim();
            int position = ROW_NUMBER.equals(property) ? -1 : columnIndex(dataset, property);
            if (position < 0 && !ROW_NUMBER.equals(property)) {
                throw new QueryParameters.InvalidQuery("$select", "no property '" + property + "' in " + dataset.fileName());
            }
            positions.add(position);
        }
        return positions;
    }

    private static int columnIndex(Dataset dataset, String name) {
        for (int i = 0; i < dataset.columns().size(); i++) {
            if (dataset.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The largest {@code $top}, {@code $skip} or {@code $skiptoken}: 2^53 - 1, the largest whole number
     * Power BI and Excel read exactly from JSON. It keeps sums such as {@code $skip + $skiptoken} and the
     * row numbers after them far from overflowing into negative positions.
     */
    private static final long MAX_ROWS = 9_007_199_254_740_991L;

    private static long number(String parameter, String value) {
        if (value == null) {
            return 0;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0 && number <= MAX_ROWS) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below (also a number too large for a long)
        }
        throw new QueryParameters.InvalidQuery(parameter, "must be a whole number from 0 to " + MAX_ROWS + ", was '"
                + value + "'");
    }

    private int pageSize(String prefer) {
        if (prefer != null) {
            Matcher matcher = MAX_PAGE_SIZE.matcher(prefer);
            if (matcher.find()) {
                try {
                    return Math.max(1, Math.min(Integer.parseInt(matcher.group(1)), defaultPageSize));
                } catch (NumberFormatException e) {
                    return defaultPageSize;
                }
            }
        }
        return defaultPageSize;
    }

    private String base() {
        return links.base() + "/odata";
    }

    private static JsonGenerator open(HttpServletResponse response) throws IOException {
        response.setHeader("OData-Version", "4.0");
        response.setContentType("application/json;odata.metadata=minimal;charset=UTF-8");
        return JSON.createGenerator(response.getOutputStream(), JsonEncoding.UTF8);
    }
}
