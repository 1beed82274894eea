package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The OData feed as Power BI and Excel read it: service document, $metadata, paging to the end, query options. */
@AllInOneTest
class ODataTest {

    /**
     * The demo's Leicestershire programme: other tests of the shared context add programmes of their own
     * to Leicestershire, so a filter on the organisation alone would count theirs too.
     */
    private static final String LEICS_DEMO = "organisation eq 'leicestershire' and programme_id eq 'leics-transformation'";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void readModelsHoldEverything() {
        api = new ApiClient(port);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void rowsServedOverODataAreCountedWithTheOtherBiRows() {
        String organisation = "odata-rows-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        String token = "";
        for (String name : List.of("First", "Second")) {
            token = api.post("/api/programmes", """
                    {"organisation": "%s", "name": "%s", "savingsTarget": 100, "firstYear": "2018/19",
                     "lastYear": "2018/19"}""".formatted(organisation, name)).json().path("consistencyToken").asText();
        }
        double before = odataRows();

        ApiClient.Reply page = api.get("/odata/programmes?$filter=organisation%20eq%20'" + organisation
                + "'&consistencyToken=" + token);

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("value").size()).isEqualTo(2);
        assertThat(odataRows() - before).isEqualTo(2.0);
    }

    private double odataRows() {
        io.micrometer.core.instrument.Counter rows = meters.find("ledger.bi.rows").tag("dataset", "programmes")
                .tag("format", "odata").counter();
        return rows == null ? 0 : rows.count();
    }

    @Test
    void theServiceDocumentListsAnEntitySetPerDataset() {
        for (String path : List.of("/odata/", "/odata")) {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("OData-Version")).isEqualTo("4.0");
            JsonNode document = reply.json();
            assertThat(document.path("@odata.context").asText()).isEqualTo("http://localhost:" + port + "/odata/$metadata");
            List<String> names = new ArrayList<>();
            document.path("value").forEach(set -> {
                assertThat(set.path("kind").asText()).isEqualTo("EntitySet");
                assertThat(set.path("url").asText()).isEqualTo(set.path("name").asText());
                names.add(set.path("name").asText());
            });
            assertThat(names).isEqualTo(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList())
                    .contains("programmes", "savings", "saving_years", "changes", "committee_reports");
        }
    }

    @Test
    void metadataDescribesEveryEntityTypeWithItsPropertiesInOrder() throws Exception {
        ApiClient.Reply reply = api.get("/odata/$metadata");
        assertThat(reply.contentType()).startsWith("application/xml");
        assertThat(reply.header("OData-Version")).isEqualTo("4.0");
        String xml = reply.body();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml).contains("<edmx:Edmx Version=\"4.0\"", "<Schema Namespace=\"SavingsLedger\"");
        for (Dataset dataset : Dataset.values()) {
            assertThat(xml).contains("<EntitySet Name=\"" + dataset.fileName() + "\" EntityType=\"SavingsLedger."
                    + dataset.fileName() + "\"/>");
        }
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
        assertThat(type).contains("<Key><PropertyRef Name=\"row_number\"/></Key>",
                "<Property Name=\"row_number\" Type=\"Edm.Int64\" Nullable=\"false\"/>",
                "<Property Name=\"planned\" Type=\"Edm.Decimal\" Precision=\"19\" Scale=\"2\"/>");
    }

    @Test
    void pagingThroughNextLinksGivesTheWholeDatasetInOrder() {
        List<String> nextLinks = new ArrayList<>();
        List<String> paged = pageThrough("/odata/saving_years", nextLinks);
        List<String> lines = jsonLines("/api/bi/saving_years.jsonl");
        assertThat(paged).hasSize(lines.size()).isEqualTo(lines);
        assertThat(nextLinks).hasSize((lines.size() + 1) / 2 - 1);
    }

    @Test
    void asAtAndEffectiveOnArePinnedInEveryNextLink() {
        // the demo's events are recorded as the context starts, so an instant after that sees them all
        String asAt = Instant.now().toString();
        String pinned = "asAt=" + asAt + "&effectiveOn=2019-06-30";
        List<String> nextLinks = new ArrayList<>();
        List<String> paged = pageThrough("/odata/saving_years?" + pinned, nextLinks);
        assertThat(paged).isNotEmpty().isEqualTo(jsonLines("/api/bi/saving_years.jsonl?" + pinned));
        assertThat(nextLinks).isNotEmpty().allSatisfy(link -> assertThat(link)
                .contains("asAt=" + asAt, "effectiveOn=2019-06-30"));
        assertThat(api.get("/odata/saving_years?asAt=2000-01-01").json().path("value")).isEmpty();
        problem(api.get("/odata/saving_years?asAt=yesterday"), 400, "asAt");
    }

    private List<String> pageThrough(String first, List<String> nextLinks) {
        List<String> paged = new ArrayList<>();
        String next = first;
        while (next != null) {
            ApiClient.Reply reply = api.get(next, "Prefer", "odata.maxpagesize=2");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.header("Preference-Applied")).isEqualTo("odata.maxpagesize=2");
            JsonNode page = reply.json();
            page.path("value").forEach(row -> paged.add(line(row)));
            assertThat(page.path("value").size()).isLessThanOrEqualTo(2);
            next = page.has("@odata.nextLink") ? relative(page.path("@odata.nextLink").asText()) : null;
            if (next != null) {
                nextLinks.add(page.path("@odata.nextLink").asText());
            }
        }
        return paged;
    }

    private List<String> jsonLines(String path) {
        List<String> lines = new ArrayList<>();
        for (String line : api.get(path).body().lines().toList()) {
            lines.add(line(new ApiClient.Reply(200, "", null, line, null).json()));
        }
        return lines;
    }

    @Test
    void countIsOfTheWholeFilteredSetWhilePagesStayPaged() {
        JsonNode page = api.get("/odata/saving_years?$count=true&$top=1&$filter=" + encode(LEICS_DEMO)).json();
        assertThat(page.path("@odata.count").asLong()).isEqualTo(4);
        assertThat(page.path("value")).hasSize(1);
        assertThat(page.has("@odata.nextLink")).isFalse();

        long all = api.get("/api/bi/saving_years.jsonl").body().lines().count();
        JsonNode firstPage = api.get("/odata/saving_years?$count=true", "Prefer", "odata.maxpagesize=3").json();
        assertThat(firstPage.path("@odata.count").asLong()).isEqualTo(all);
        assertThat(firstPage.path("value")).hasSize(3);
        assertThat(firstPage.path("@odata.nextLink").asText()).contains("$count=true", "$skiptoken=3");
    }

    @Test
    void filterTopSkipAndSelect() {
        ApiClient.Reply reply = api.get("/odata/saving_years?$filter=" + encode(LEICS_DEMO));
        JsonNode leicestershire = reply.json().path("value");
        assertThat(leicestershire).extracting(row -> row.path("year").asText())
                .containsExactly("2016/17", "2017/18", "2018/19", "2019/20");
        assertThat(leicestershire).extracting(row -> row.path("planned").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("9900000.00"), new BigDecimal("9000000.00"),
                        new BigDecimal("9300000.00"), new BigDecimal("7200000.00"));
        // the tree model drops trailing zeros: the wire must carry money as a plain number in pence
        assertThat(reply.body()).contains("\"planned\":9900000.00,").doesNotContain("E+");

        JsonNode oneYear = api.get("/odata/saving_years?$filter=" + encode(
                LEICS_DEMO + " and year eq '2018/19'") + "&$select=year,planned").json().path("value");
        assertThat(oneYear).hasSize(1);
        List<String> fields = new ArrayList<>();
        oneYear.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("year", "planned");
        assertThat(oneYear.get(0).path("planned").decimalValue()).isEqualByComparingTo("9300000.00");

        JsonNode window = api.get("/odata/saving_years?$filter=" + encode(LEICS_DEMO) + "&$skip=1&$top=2").json();
        assertThat(window.path("value")).extracting(row -> row.path("year").asText()).containsExactly("2017/18", "2018/19");
        assertThat(window.path("value").get(0).path("row_number").asLong()).isEqualTo(2);
        assertThat(window.has("@odata.nextLink")).isFalse();

        // a literal may hold " and " and doubled quotes: it is one value, naming no organisation here
        ApiClient.Reply oneValue = api.get("/odata/saving_years?$filter=" + encode("organisation eq 'leicester and rutland''s'"));
        assertThat(oneValue.json().path("value")).isEmpty();
        assertThat(oneValue.status()).isEqualTo(404);
        assertThat(oneValue.json().path("detail").asText()).isEqualTo("no organisation 'leicester and rutland's'");
    }

    @Test
    void unsupportedOptionsAndUnknownSetsAreProblems() {
        problem(api.get("/odata/saving_years?$filter=" + encode("planned gt 5")), 400, "$filter");
        problem(api.get("/odata/saving_years?$filter=" + encode("organisation eq 'a' or organisation eq 'b'")), 400, "$filter");
        problem(api.get("/odata/saving_years?$filter=" + encode("organisation eq 'a' and organisation eq 'b'")), 400, "$filter");
        problem(api.get("/odata/programmes?$filter=" + encode("year eq '2018/19'")), 400, "$filter");
        problem(api.get("/odata/saving_years?$select=colour"), 400, "$select");
        problem(api.get("/odata/saving_years?$top=-1"), 400, "$top");
        problem(api.get("/odata/saving_years?$orderby=planned"), 400, "$orderby");
        problem(api.get("/odata/saving_years?$expand=savings"), 400, "$expand");
        problem(api.get("/odata/saving_years?$count=maybe"), 400, "$count");
        problem(api.get("/odata/saving_years?$format=xml"), 400, "$format");
        assertThat(api.get("/odata/saving_years?$format=json&$top=1").json().path("value")).hasSize(1);
        problem(api.get("/odata/budgets"), 404, null);
    }

    /**
     * A user of one organisation reads every entity set: their own rows are there with exactly their
     * values, whether the set is filtered to their programme or not, and nothing of the other organisation.
     */
    @Test
    void eachUserReadsTheirOwnOrganisationsRowsWithTheirValuesAndNothingOfAnothers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String notts = "odata-notts-" + run;
        String nottsSaving = "odata-notts-saving-" + run;
        String nottsReport = "odata-notts-report-" + run;
        String leics = "odata-leics-" + run;
        String leicsSaving = "odata-leics-saving-" + run;
        String token = ownProgramme(notts, "nottinghamshire", nottsSaving, "odata-notts-committee-" + run, nottsReport);
        ownProgramme(leics, "leicestershire", leicsSaving, "odata-leics-committee-" + run, "odata-leics-report-" + run);
        token = created(api.post("/api/programmes/" + leics + "/budget-approvals", "{\"amount\": 5000, \"reason\": \"posts\"}"));
        ApiClient viewer = new ApiClient(port).as("viewer-notts", "pw");
        assertThat(viewer.get("/api/programmes?consistencyToken=" + token).status()).isEqualTo(200);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        // target 300,000; 100,000 and 200,000 planned; 12,345.67 delivered in 2018/19; 10,000 slipped to 2019/20
        expected.put("programmes", List.of("nottinghamshire|" + notts + "|OData own programme|2018/19|2019/20|300000.00|0.00|0.00"
                + "|300000.00|12345.67|0.00|1|0|287654.33|null|null|0.00"));
        expected.put("savings", List.of("nottinghamshire|" + notts + "|" + nottsSaving + "|OData own saving|null|null|IN_DELIVERY"
                + "|CONFIDENT|null|false|300000.00|12345.67|2|RECURRING|null|0.00|0.00"));
        expected.put("saving_years", List.of(
                "nottinghamshire|" + notts + "|" + nottsSaving + "|2018/19|90000.00|12345.67|0.00|10000.00|false|0.00|0.00",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|2019/20|210000.00|0.00|10000.00|0.00|false|0.00|0.00"));
        expected.put("changes", List.of(
                "nottinghamshire|" + notts + "|null|0|ProgrammeLaunched|null|savingsTarget|0.00|300000.00|admin|null|null",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|0|SavingProposed|2018/19|planned|0.00|100000.00|admin|null|null",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|0|SavingProposed|2019/20|planned|0.00|200000.00|admin|null|null",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|1|SavingDeliveryRecorded|2018/19|delivered|0.00|12345.67|admin|outturn|null",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|2|SavingSlippedToYear|2018/19|planned|100000.00|90000.00|admin|late|null",
                "nottinghamshire|" + notts + "|" + nottsSaving + "|2|SavingSlippedToYear|2019/20|planned|200000.00|210000.00|admin|late|null"));
        expected.put("deliveries", List.of(
                "nottinghamshire|" + notts + "|" + nottsSaving + "|1|DELIVERY|2018/19|12345.67|12345.67|admin|outturn|null"));
        expected.put("slips", List.of(
                "nottinghamshire|" + notts + "|" + nottsSaving + "|2|SLIP|2018/19|2019/20|10000.00|admin|late|null"));
        expected.put("committee_reports", List.of(
                "nottinghamshire|odata-notts-committee-" + run + "|Cabinet " + run + "|" + nottsReport + "|2019-01-07|Position"
                        + "|" + notts + "|2018/19|90000.00|12345.67|90000.00|12345.67|2019-01-07|77654.33",
                "nottinghamshire|odata-notts-committee-" + run + "|Cabinet " + run + "|" + nottsReport + "|2019-01-07|Position"
                        + "|" + notts + "|2019/20|210000.00|0.00|300000.00|12345.67|2019-01-07|210000.00"));
        expected.put("workstreams", List.of("nottinghamshire|" + notts + "|NOT_SET|300000.00|12345.67"));
        expected.put("funding", List.of());
        assertThat(expected.keySet()).containsExactlyElementsOf(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList());

        for (Dataset dataset : Dataset.values()) {
            String set = "/odata/" + dataset.fileName();
            List<String> own = expected.get(dataset.fileName());
            assertThat(rows(pages(viewer, set + "?$filter=" + encode("programme_id eq '" + notts + "'")), dataset))
                    .as(set).isEqualTo(own);
            List<ApiClient.Reply> all = pages(viewer, set);
            if (!own.isEmpty()) {
                assertThat(rows(all, dataset)).as(set).containsSubsequence(own);
            }
            for (ApiClient.Reply page : all) {
                assertThat(page.json().path("value")).as(set).allSatisfy(row ->
                        assertThat(row.path("organisation").asText()).isEqualTo("nottinghamshire"));
                assertThat(page.body()).as(set).doesNotContain("leicestershire", "leics-transformation", leics, leicsSaving);
            }
            assertThat(rows(pages(viewer, set + "?$filter=" + encode("programme_id eq '" + leics + "'")), dataset)).as(set).isEmpty();
            // naming another organisation answers no rows: a 404, as for an organisation not registered
            ApiClient.Reply theirs = viewer.get(set + "?$filter=" + encode("organisation eq 'leicestershire'"));
            assertThat(theirs.status()).as(set).isEqualTo(404);
            assertThat(theirs.json().path("value")).as(set).isEmpty();
            assertThat(theirs.json().path("detail").asText()).as(set).isEqualTo("no organisation 'leicestershire'");
        }
        // and the other way round: Leicestershire sees its own programme, with its budget, and nothing of Nottinghamshire
        ApiClient leicestershire = new ApiClient(port).as("editor-leics", "pw");
        assertThat(rows(pages(leicestershire, "/odata/programmes?$filter=" + encode("programme_id eq '" + leics + "'")),
                Dataset.PROGRAMMES)).containsExactly("leicestershire|" + leics + "|OData own programme|2018/19|2019/20"
                + "|300000.00|5000.00|0.00|300000.00|12345.67|0.00|1|0|287654.33|null|null|0.00");
        for (Dataset dataset : Dataset.values()) {
            List<ApiClient.Reply> all = pages(leicestershire, "/odata/" + dataset.fileName());
            assertThat(rows(all, dataset)).as(dataset.fileName()).isNotEmpty();
            for (ApiClient.Reply page : all) {
                assertThat(page.json().path("value")).allSatisfy(row ->
                        assertThat(row.path("organisation").asText()).isEqualTo("leicestershire"));
                assertThat(page.body()).doesNotContain("nottinghamshire", "notts-asc-savings", notts, nottsSaving, nottsReport);
            }
        }
    }

    /** A programme with a saving, a delivery, a slip and a committee report on it; answers the last token. */
    private String ownProgramme(String programme, String organisation, String saving, String committee, String report) {
        created(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "OData own programme", "savingsTarget": 300000,
                 "firstYear": "2018/19", "lastYear": "2019/20", "effectiveDate": "2018-12-01"}""".formatted(programme, organisation)));
        // effective before the meeting of 2019-01-07, whose report counts what was effective by then
        created(api.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "OData own saving", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 100000, "2019/20": 200000}, "effectiveDate": "2018-12-01"}""".formatted(saving)));
        created(api.post("/api/savings/" + saving + "/deliveries",
                "{\"year\": \"2018/19\", \"amount\": 12345.67, \"reason\": \"outturn\", \"effectiveDate\": \"2018-12-01\"}"));
        created(api.post("/api/savings/" + saving + "/slips",
                "{\"fromYear\": \"2018/19\", \"toYear\": \"2019/20\", \"amount\": 10000, \"reason\": \"late\", "
                        + "\"effectiveDate\": \"2018-12-01\"}"));
        created(api.post("/api/committees", """
                {"id": "%s", "organisation": "%s", "name": "Cabinet %s"}""".formatted(committee, organisation,
                committee.substring(committee.lastIndexOf('-') + 1))));
        created(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
        return created(api.post("/api/committees/" + committee + "/reports",
                "{\"id\": \"" + report + "\", \"meetingDate\": \"2019-01-07\", \"title\": \"Position\"}"));
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply.json().path("consistencyToken").asText();
    }

    /** Every page of an entity set as {@code client} reads it, following {@code @odata.nextLink}. */
    private List<ApiClient.Reply> pages(ApiClient client, String first) {
        List<ApiClient.Reply> pages = new ArrayList<>();
        String next = first;
        while (next != null) {
            ApiClient.Reply reply = client.get(next);
            assertThat(reply.status()).as(next + " -> " + reply).isEqualTo(200);
            pages.add(reply);
            JsonNode page = reply.json();
            next = page.has("@odata.nextLink") ? relative(page.path("@odata.nextLink").asText()) : null;
        }
        return pages;
    }

    /**
     * The rows of the pages, each as its values joined by {@code |}, money with two places; without the
     * instants and effective dates, which may be the recording's (and are tested by the BI tests).
     */
    private static List<String> rows(List<ApiClient.Reply> pages, Dataset dataset) {
        List<String> rows = new ArrayList<>();
        for (ApiClient.Reply page : pages) {
            for (JsonNode row : page.json().path("value")) {
                List<String> values = new ArrayList<>();
                for (Column column : dataset.columns()) {
                    JsonNode value = row.path(column.name());
                    assertThat(value.isMissingNode()).as(column.name()).isFalse();
                    if (column.type() == Column.Type.TIMESTAMP || column.name().equals("effective_date")
                            || column.name().equals("effective_from")) {
                        continue;
                    }
                    values.add(value.isNull() ? "null" : column.type() == Column.Type.MONEY
                            || column.type() == Column.Type.DECIMAL
                            ? value.decimalValue().setScale(2).toPlainString() : value.asText());
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static void problem(ApiClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.header("OData-Version")).isEqualTo("4.0");
        if (field != null) {
            assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    private static String line(JsonNode row) {
        return row.path("saving_id").asText() + " " + row.path("year").asText() + " "
                + row.path("planned").decimalValue().toPlainString() + " " + row.path("delivered").decimalValue().toPlainString();
    }

    private String relative(String link) {
        URI uri = URI.create(link);
        assertThat(uri.getPort()).isEqualTo(port);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
