package org.savingsledger.ops;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientProperty;
import org.apache.olingo.client.api.uri.FilterFactory;
import org.apache.olingo.client.api.uri.URIFilter;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.http.BasicAuthHttpClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.bi.Dataset;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OData feed as a client nobody here wrote reads it: Apache Olingo's, signed in with HTTP Basic as a
 * user of one organisation. It reads the model, every entity set to the end two rows a page, a filter as its
 * filter builder writes it (every condition bracketed), a sort, a count and one entity by its key, and finds
 * the figures the test wrote, the same totals as the CSV extract, and nothing of another organisation.
 */
@AllInOneTest
class ODataClientTest {

    @LocalServerPort
    int port;

    @Test
    void olingosClientReadsTheModelEverySetToTheEndAFilterASortACountAndAnEntityByKey() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String own = "olingo-notts-" + run;
        String first = own + "-first";
        String second = own + "-second";
        String theirs = "olingo-leics-" + run;
        ApiClient admin = new ApiClient(port);
        created(admin.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Olingo own", "savingsTarget": 500000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(own)));
        created(admin.post("/api/programmes/" + own + "/savings", """
                {"id": "%s", "title": "First", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 100000, "2019/20": 250000.50}}""".formatted(first)));
        created(admin.post("/api/programmes/" + own + "/savings", """
                {"id": "%s", "title": "Second", "confidence": "STRETCH", "stage": "CONCEPT",
                 "profile": {"2018/19": 40000.25}}""".formatted(second)));
        created(admin.post("/api/programmes", """
                {"id": "%s", "organisation": "leicestershire", "name": "Olingo theirs", "savingsTarget": 700000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(theirs)));
        String token = created(admin.post("/api/programmes/" + theirs + "/savings", """
                {"id": "%s-saving", "title": "Theirs", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 777777.77}}""".formatted(theirs)));
        ApiClient viewer = new ApiClient(port).as("viewer-notts", "pw");
        assertThat(viewer.get("/api/programmes?consistencyToken=" + token).status()).isEqualTo(200);
        String asAt = Instant.now().toString();

        String root = "http://localhost:" + port + "/odata";
        ODataClient client = ODataClientFactory.getClient();
        // answers the 401 challenge with Basic, as Power BI and Excel do
        client.getConfiguration().setHttpClientFactory(new BasicAuthHttpClientFactory("viewer-notts", "pw"));
        // full metadata, IEEE754Compatible: every Decimal comes typed, as a string, read exactly as a BigDecimal
        client.getConfiguration().setDefaultPubFormat(
                ContentType.create(ContentType.JSON_FULL_METADATA, "IEEE754Compatible", "true"));

        // read as served: the client's metadata request would also fetch the Capabilities vocabulary the
        // document references, from the OASIS site, which a test must not depend on
        var metadata = client.getRetrieveRequestFactory().getRawRequest(URI.create(root + "/$metadata"));
        metadata.setAccept("application/xml");
        Edm edm = client.getReader().readMetadata(metadata.execute().getRawResponse());
        assertThat(edm.getEntityContainer().getEntitySets()).extracting(EdmEntitySet::getName)
                .containsExactlyElementsOf(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList());
        for (Dataset dataset : Dataset.values()) {
            assertThat(edm.getEntityType(new FullQualifiedName("SavingsLedger", dataset.fileName())).getKeyPredicateNames())
                    .as(dataset.fileName()).containsExactlyElementsOf(dataset.key());
        }

        // every set to the end, two rows a page, as at one instant: the rows of the JSON Lines extract as at it
        for (Dataset dataset : Dataset.values()) {
            List<ClientEntity> rows = new ArrayList<>();
            URI next = client.newURIBuilder(root).appendEntitySetSegment(dataset.fileName())
                    .addCustomQueryOption("asAt", asAt).build();
            int pages = 0;
            while (next != null) {
                var request = client.getRetrieveRequestFactory().getEntitySetRequest(next);
                request.setPrefer(client.newPreferences().maxPageSize(2));
                ClientEntitySet page = request.execute().getBody();
                assertThat(page.getEntities()).as(next.toString()).hasSizeLessThanOrEqualTo(2);
                rows.addAll(page.getEntities());
                next = page.getNext();
                pages++;
            }
            List<String> extract = ExtractRows.jsonLines(viewer.get("/api/bi/" + dataset.fileName() + ".jsonl?asAt=" + asAt)
                    .body()).stream().map(row -> row.path("organisation").asText()).toList();
            assertThat(rows).as(dataset.fileName()).hasSize(extract.size());
            assertThat(pages).as(dataset.fileName()).isEqualTo(Math.max(1, (rows.size() + 1) / 2));
            assertThat(rows).as(dataset.fileName()).allSatisfy(row ->
                    assertThat(text(row, "organisation")).isEqualTo("nottinghamshire"));
            assertThat(rows).as(dataset.fileName()).noneSatisfy(row ->
                    assertThat(text(row, "programme_id")).isEqualTo(theirs));
            if (dataset == Dataset.SAVING_YEARS) {
                // 100,000.00 + 250,000.50 (First) + 40,000.25 + 0 (Second, 2019/20)
                BigDecimal planned = rows.stream().filter(row -> text(row, "programme_id").equals(own))
                        .map(row -> decimal(row, "planned")).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(planned).isEqualByComparingTo("390000.75");
                BigDecimal csv = ExtractRows.dataRows(viewer.get("/api/bi/saving_years.csv?programme=" + own + "&asAt=" + asAt)
                        .body()).stream().map(row -> new BigDecimal(row.split(",", -1)[4])).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(planned).isEqualByComparingTo(csv);
            }
        }

        // the filter as Olingo's builder writes it, every condition bracketed, with a sort and a count
        FilterFactory filters = client.getFilterFactory();
        URIFilter filter = filters.and(filters.and(filters.eq("organisation", "nottinghamshire"),
                filters.eq("programme_id", own)), filters.eq("year", "2018/19"));
        URI filtered = client.newURIBuilder(root).appendEntitySetSegment("saving_years").filter(filter)
                .orderBy("planned desc").count(true).build();
        ClientEntitySet found = client.getRetrieveRequestFactory().getEntitySetRequest(filtered).execute().getBody();
        print("bracketed $filter, $orderby, $count", filtered, found.getEntities(), found.getCount());
        assertThat(java.net.URLDecoder.decode(filtered.getRawQuery(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("$filter=(((organisation eq 'nottinghamshire') and (programme_id eq '" + own + "')) and (year eq '2018/19'))");
        assertThat(found.getCount()).isEqualTo(2);
        assertThat(found.getEntities()).extracting(row -> text(row, "saving_id") + " " + decimal(row, "planned").toPlainString())
                .containsExactly(first + " 100000.00", second + " 40000.25");

        URI count = client.newURIBuilder(root).appendEntitySetSegment("saving_years")
                .filter(filters.eq("programme_id", own)).count().build();
        assertThat(client.getRetrieveRequestFactory().getValueRequest(count).execute().getBody().toString()).isEqualTo("4");

        // one entity by its natural key (the year's slash as the client sends it, unescaped)
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("saving_id", first);
        key.put("year", "2019/20");
        URI byKey = client.newURIBuilder(root).appendEntitySetSegment("saving_years").appendKeySegment(key).build();
        ClientEntity entity = client.getRetrieveRequestFactory().getEntityRequest(byKey).execute().getBody();
        print("key read", byKey, List.of(entity), null);
        assertThat(text(entity, "programme_id")).isEqualTo(own);
        assertThat(decimal(entity, "planned")).isEqualByComparingTo("250000.50");
        assertThat(text(entity, "organisation")).isEqualTo("nottinghamshire");
    }

    private static void print(String what, URI uri, List<ClientEntity> entities, Integer count) {
        System.out.println("Olingo client, " + what + ": GET " + uri);
        System.out.println("  (decoded: " + java.net.URLDecoder.decode(uri.getRawPath() + (uri.getRawQuery() == null ? ""
                : "?" + uri.getRawQuery()), java.nio.charset.StandardCharsets.UTF_8) + ")");
        if (count != null) {
            System.out.println("  @odata.count = " + count);
        }
        for (ClientEntity entity : entities) {
            System.out.println("  " + entity.getTypeName() + " " + entity.getProperties().stream()
                    .map(property -> property.getName() + "=" + property.getValue())
                    .collect(Collectors.joining(", ", "{", "}")));
        }
    }

    private static String text(ClientEntity entity, String name) {
        ClientProperty property = entity.getProperty(name);
        return property == null || property.hasNullValue() ? null : property.getPrimitiveValue().toString();
    }

    private static BigDecimal decimal(ClientEntity entity, String name) {
        try {
            return entity.getProperty(name).getPrimitiveValue().toCastValue(BigDecimal.class);
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException e) {
            throw new AssertionError(name + " is not a decimal", e);
        }
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply.json().path("consistencyToken").asText();
    }
}
