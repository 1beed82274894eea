package org.savingsledger.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OData feed as Power BI and Excel read it: service document, $metadata, paging to the end, query options. */
@AllInOneTest
class ODataTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void readModelsHoldEverything() throws Exception {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(get("/api/programmes?consistencyToken=" + head, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theServiceDocumentListsAnEntitySetPerDataset() throws Exception {
        HttpResponse<String> response = get("/odata/", null);
        assertThat(response.headers().firstValue("OData-Version")).hasValue("4.0");
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body()).path("value").forEach(set -> names.add(set.path("name").asText()));
        assertThat(names).isEqualTo(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList());
    }

    @Test
    void metadataDescribesEveryEntityTypeWithItsPropertiesInOrder() throws Exception {
        String xml = get("/odata/$metadata", null).body();
        assertThat(xml).contains("<edmx:Edmx Version=\"4.0\"", "<EntitySet Name=\"saving_years\" EntityType=\"SavingsLedger.saving_years\"/>");
        List<String> properties = new ArrayList<>(List.of("row_number"));
        Dataset.SAVING_YEARS.columns().stream().map(Column::name).forEach(properties::add);
        String type = xml.substring(xml.indexOf("<EntityType Name=\"saving_years\">"));
        type = type.substring(0, type.indexOf("</EntityType>"));
        List<String> found = new ArrayList<>();
        for (String part : type.split("<Property Name=\"")) {
            if (part.contains("Type=\"Edm.")) {
                found.add(part.substring(0, part.indexOf('"')));
            }
        }
        assertThat(found).isEqualTo(properties);
        assertThat(type).contains("<Property Name=\"planned\" Type=\"Edm.Decimal\" Precision=\"19\" Scale=\"2\"/>");
    }

    @Test
    void pagingThroughNextLinksGivesTheWholeDatasetInOrder() throws Exception {
        List<String> paged = new ArrayList<>();
        String next = "http://localhost:" + port + "/odata/saving_years";
        int pages = 0;
        while (next != null) {
            JsonNode page = JSON.readTree(getAbsolute(next, "odata.maxpagesize=2").body());
            page.path("value").forEach(row -> paged.add(row.path("saving_id").asText() + " " + row.path("year").asText()
                    + " " + row.path("planned").decimalValue().toPlainString()));
            assertThat(page.path("value").size()).isLessThanOrEqualTo(2);
            next = page.path("@odata.nextLink").isMissingNode() ? null : page.path("@odata.nextLink").asText();
            pages++;
        }
        List<String> lines = new ArrayList<>();
        for (String line : get("/api/bi/saving_years.jsonl", null).body().lines().toList()) {
            JsonNode row = JSON.readTree(line);
            lines.add(row.path("saving_id").asText() + " " + row.path("year").asText() + " "
                    + row.path("planned").decimalValue().toPlainString());
        }
        assertThat(paged).isEqualTo(lines);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void filterTopSkipAndSelect() throws Exception {
        JsonNode leicestershire = JSON.readTree(get("/odata/saving_years?$filter="
                + encode("organisation eq 'leicestershire'"), null).body()).path("value");
        assertThat(leicestershire).hasSize(4);
        assertThat(leicestershire.get(0).path("planned").decimalValue()).isEqualByComparingTo("9900000.00");
        assertThat(leicestershire.get(3).path("planned").decimalValue()).isEqualByComparingTo("7200000.00");

        JsonNode oneYear = JSON.readTree(get("/odata/saving_years?$filter=" + encode(
                "organisation eq 'leicestershire' and year eq '2018/19'") + "&$select=year,planned", null).body()).path("value");
        assertThat(oneYear).hasSize(1);
        List<String> fields = new ArrayList<>();
        oneYear.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("year", "planned");
        assertThat(oneYear.get(0).path("planned").decimalValue()).isEqualByComparingTo("9300000.00");

        JsonNode window = JSON.readTree(get("/odata/saving_years?$filter=" + encode("organisation eq 'leicestershire'")
                + "&$skip=1&$top=2", null).body());
        assertThat(window.path("value")).extracting(row -> row.path("year").asText()).containsExactly("2017/18", "2018/19");
        assertThat(window.path("value").get(0).path("row_number").asLong()).isEqualTo(2);
        assertThat(window.has("@odata.nextLink")).isFalse();
    }

    @Test
    void unsupportedOptionsAndUnknownSetsAreProblems() throws Exception {
        HttpResponse<String> filter = get("/odata/saving_years?$filter=" + encode("planned gt 5"), null);
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(filter.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(filter.body()).path("errors").get(0).path("field").asText()).isEqualTo("$filter");
        assertThat(get("/odata/saving_years?$select=colour", null).statusCode()).isEqualTo(400);
        assertThat(get("/odata/saving_years?$top=-1", null).statusCode()).isEqualTo(400);
        assertThat(get("/odata/budgets", null).statusCode()).isEqualTo(404);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> get(String path, String prefer) throws Exception {
        return getAbsolute("http://localhost:" + port + path, prefer);
    }

    private HttpResponse<String> getAbsolute(String url, String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
