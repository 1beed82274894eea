package org.savingsledger.query.odata;

import io.micrometer.core.instrument.Counter;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityIterator;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Dataset;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Reads entity sets (a page at a time, {@code $count} too) and single entities by key, and refuses
 * writes: the feed is read-only. Rows served are counted in {@code ledger_bi_rows_total{format="odata"}}
 * with the CSV and JSON Lines feeds'.
 */
final class SetProcessor implements CountEntityCollectionProcessor, EntityProcessor {

    private final FeedContext feed;
    private OData odata;
    private ServiceMetadata metadata;

    SetProcessor(FeedContext feed) {
        this.feed = feed;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uri);
        Dataset dataset = dataset(set);
        SetQuery query = SetQuery.of(dataset, uri, feed);
        int pageSize = pageSize(request, response);
        SetScan.Page page = new SetScan(query, feed.queries().extraction(), feed.sortLimit()).page(pageSize);

        Iterator<Object[]> rows = page.rows().iterator();
        EntityIterator entities = new EntityIterator() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Entity next() {
                return RowValues.entity(dataset, rows.next());
            }
        };
        if (page.matched() >= 0) {
            entities.setCount((int) Math.min(Integer.MAX_VALUE, page.matched()));
        }
        if (page.more()) {
            entities.setNext(NextLink.of(feed.serviceRoot(), set.getName(), request.getRawQueryPath(),
                    query.extract().asAt(), query.extract().effectiveOn(), query.skipToken() + page.rows().size()));
        }
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with()
                .contextURL(context(set, uri.getSelectOption(), false))
                .id(feed.serviceRoot() + "/" + set.getName())
                .count(uri.getCountOption()).select(uri.getSelectOption()).build();
        response.setODataContent(odata.createSerializer(format)
                .entityCollectionStreamed(metadata, set.getEntityType(), entities, options).getODataContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        served(dataset, page.rows().size());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException {
        Dataset dataset = dataset(entitySet(uri));
        long count = new SetScan(SetQuery.of(dataset, uri, feed), feed.queries().extraction(), feed.sortLimit()).count();
        response.setContent(new ByteArrayInputStream(Long.toString(count).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        UriResourceEntitySet resource = (UriResourceEntitySet) uri.getUriResourceParts().get(0);
        EdmEntitySet set = entitySet(uri);
        Dataset dataset = dataset(set);
        EntityKey key = EntityKey.of(dataset, resource.getKeyPredicates());
        SetQuery asked = SetQuery.of(dataset, uri, feed);
        BiQuery extract = new BiQuery(asked.extract().asAt(), asked.extract().effectiveOn(),
                asked.extract().organisation(), key.programmeId() != null ? key.programmeId() : asked.extract().programmeId());
        SetQuery query = new SetQuery(dataset, extract, asked.filter(), null, 0, Long.MAX_VALUE, 0, false);
        Object[] row = new SetScan(query, feed.queries().extraction(), feed.sortLimit()).find(key::matches);
        if (row == null) {
            throw Refusal.notFound("key", "no entity " + set.getName() + key + " as asked (as at " + extract.asAt()
                    + ", effective on " + extract.effectiveOn() + ")");
        }
        EntitySerializerOptions options = EntitySerializerOptions.with()
                .contextURL(context(set, uri.getSelectOption(), true)).select(uri.getSelectOption()).build();
        response.setContent(odata.createSerializer(format)
                .entity(metadata, set.getEntityType(), RowValues.entity(dataset, row), options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        served(dataset, 1);
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType responseFormat) throws ODataApplicationException {
        throw Refusal.readOnly();
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
                             ContentType responseFormat) throws ODataApplicationException {
        throw Refusal.readOnly();
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri) throws ODataApplicationException {
        throw Refusal.readOnly();
    }

    private ContextURL context(EdmEntitySet set, SelectOption select, boolean entity) throws ODataLibraryException {
        return ContextURL.with().serviceRoot(URI.create(feed.serviceRoot() + "/")).entitySet(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(set.getEntityType(), null, select))
                .suffix(entity ? ContextURL.Suffix.ENTITY : null).build();
    }

    /** {@code Prefer: odata.maxpagesize=n}, at most the default page size; applied, it is said so in the answer. */
    private int pageSize(ODataRequest request, ODataResponse response) {
        List<String> prefer = request.getHeaders(HttpHeader.PREFER);
        Integer asked = prefer == null ? null : odata.createPreferences(prefer).getMaxPageSize();
        if (asked == null) {
            return feed.pageSize();
        }
        int size = Math.max(1, Math.min(asked, feed.pageSize()));
        response.setHeader(HttpHeader.PREFERENCE_APPLIED, "odata.maxpagesize=" + size);
        return size;
    }

    private static EdmEntitySet entitySet(UriInfo uri) throws Refusal {
        if (uri.getUriResourceParts().size() < 1 || !(uri.getUriResourceParts().get(0) instanceof UriResourceEntitySet set)) {
            throw Refusal.notImplemented("path", "only entity sets, their $count and entities by key can be read");
        }
        return set.getEntitySet();
    }

    private static Dataset dataset(EdmEntitySet set) throws Refusal {
        return Dataset.named(set.getName()).orElseThrow(() -> Refusal.notFound("path", "no entity set '" + set.getName() + "'"));
    }

    /** The same meter as the CSV and JSON Lines feeds, so the dashboard's BI panel sees Power BI's OData path too. */
    private void served(Dataset dataset, int rows) {
        Counter.builder("ledger.bi.rows").description("Rows streamed by the BI feeds")
                .tag("dataset", dataset.fileName()).tag("format", "odata").register(feed.meters()).increment(rows);
    }
}
