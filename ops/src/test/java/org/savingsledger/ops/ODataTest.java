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
                // "kind" is left out for entity sets, its default (OData JSON Format §5)
                assertThat(set.path("kind").asText("EntitySet")).isEqualTo("EntitySet");
                assertThat(set.path("url").asText()).isEqualTo(set.path("name").asText());
                names.add(set.path("name").asText());
            });
            assertThat(names).isEqualTo(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList())
                    .contains("programmes", "savings", "saving_years", "changes", "committee_reports");
        }
    }

    @Test
    void metadataDescribesEveryEntityTypeWithItsPropertiesInOrderKeyedByItsNaturalKey() throws Exception {
        ApiClient.Reply reply = api.get("/odata/$metadata");
        assertThat(reply.contentType()).startsWith("application/xml");
        assertThat(reply.header("OData-Version")).isEqualTo("4.0");
        String xml = reply.body();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(xml).contains("<edmx:Edmx Version=\"4.0\"", "<Schema xmlns=\"http://docs.oasis-open.org/odata/ns/edm\" "
                + "Namespace=\"SavingsLedger\">", "<edmx:Include Namespace=\"Org.OData.Capabilities.V1\" Alias=\"Capabilities\"");
        for (Dataset dataset : Dataset.values()) {
            String set = between(xml, "<EntitySet Name=\"" + dataset.fileName() + "\" EntityType=\"SavingsLedger."
                    + dataset.fileName() + "\">", "</EntitySet>");
            // what Power Query may fold, and what it may not
            assertThat(set).contains(
                    "<Annotation Term=\"Capabilities.FilterRestrictions\"><Record><PropertyValue Property=\"Filterable\"><Bool>true",
                    "<Annotation Term=\"Capabilities.SortRestrictions\"><Record><PropertyValue Property=\"Sortable\"><Bool>true",
                    "<Annotation Term=\"Capabilities.CountRestrictions\"><Record><PropertyValue Property=\"Countable\"><Bool>true",
                    "<Annotation Term=\"Capabilities.TopSupported\"><Bool>true",
                    "<Annotation Term=\"Capabilities.SkipSupported\"><Bool>true",
                    "<Annotation Term=\"Capabilities.SelectSupport\"><Record><PropertyValue Property=\"Supported\"><Bool>true",
                    "<Annotation Term=\"Capabilities.ExpandRestrictions\"><Record><PropertyValue Property=\"Expandable\"><Bool>false",
                    "<Annotation Term=\"Capabilities.SearchRestrictions\"><Record><PropertyValue Property=\"Searchable\"><Bool>false",
                    "<Annotation Term=\"Capabilities.InsertRestrictions\"><Record><PropertyValue Property=\"Insertable\"><Bool>false",
                    "<Annotation Term=\"Capabilities.UpdateRestrictions\"><Record><PropertyValue Property=\"Updatable\"><Bool>false",
                    "<Annotation Term=\"Capabilities.DeleteRestrictions\"><Record><PropertyValue Property=\"Deletable\"><Bool>false");
            String type = between(xml, "<EntityType Name=\"" + dataset.fileName() + "\">", "</EntityType>");
            StringBuilder key = new StringBuilder("<Key>");
            dataset.key().forEach(name -> key.append("<PropertyRef Name=\"").append(name).append("\"/>"));
            assertThat(type).as(dataset.fileName()).startsWith(key.append("</Key>").toString());
            List<String> found = new ArrayList<>();
            for (String part : type.split("<Property Name=\"")) {
                if (part.contains("Type=\"Edm.")) {
                    found.add(part.substring(0, part.indexOf('"')));
                    // a key property is never null (CSDL §8.2); nor is any other said to be non-null
                    assertThat(part.contains("Nullable=\"false\"")).as(part)
                            .isEqualTo(dataset.key().contains(part.substring(0, part.indexOf('"'))));
                }
            }
            assertThat(found).isEqualTo(dataset.columns().stream().map(Column::name).toList());
        }
        assertThat(between(xml, "<EntityType Name=\"saving_years\">", "</EntityType>")).contains(
                "<Property Name=\"saving_id\" Type=\"Edm.String\" Nullable=\"false\"",
                "<Property Name=\"planned\" Type=\"Edm.Decimal\" Precision=\"19\" Scale=\"2\"");
        assertThat(between(xml, "<EntityType Name=\"changes\">", "</EntityType>"))
                .contains("<Property Name=\"recorded_at\" Type=\"Edm.DateTimeOffset\" Precision=\"3\"");
        // the model is XML only (CSDL JSON is OData 4.01)
        assertThat(api.get("/odata/$metadata", "Accept", "application/json").status()).isEqualTo(406);
    }

    private static String between(String text, String from, String to) {
        assertThat(text).contains(from);
        String rest = text.substring(text.indexOf(from) + from.length());
        return rest.substring(0, rest.indexOf(to));
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
        odataError(api.get("/odata/saving_years?asAt=yesterday"), 400, "asAt");
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

        JsonNode selected = api.get("/odata/saving_years?$filter=" + encode(
                LEICS_DEMO + " and year eq '2018/19'") + "&$select=year,planned").json();
        // the key comes too, so that the entity can be read again; the context says what was selected
        assertThat(selected.path("@odata.context").asText()).endsWith("/odata/$metadata#saving_years(saving_id,year,planned)");
        JsonNode oneYear = selected.path("value");
        assertThat(oneYear).hasSize(1);
        List<String> fields = new ArrayList<>();
        oneYear.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("saving_id", "year", "planned").doesNotContain("organisation", "delivered", "withdrawn");
        assertThat(oneYear.get(0).path("planned").decimalValue()).isEqualByComparingTo("9300000.00");

        JsonNode window = api.get("/odata/saving_years?$filter=" + encode(LEICS_DEMO) + "&$skip=1&$top=2").json();
        assertThat(window.path("value")).extracting(row -> row.path("year").asText()).containsExactly("2017/18", "2018/19");
        assertThat(window.has("@odata.nextLink")).isFalse();

        // a literal may hold " and " and doubled quotes: it is one value, naming no organisation here
        ApiClient.Reply oneValue = api.get("/odata/saving_years?$filter=" + encode("organisation eq 'leicester and rutland''s'"));
        odataError(oneValue, 404, "$filter");
        assertThat(oneValue.json().path("error").path("message").asText()).isEqualTo("no organisation 'leicester and rutland's'");
    }

    @Test
    void whatIsNotImplementedIs501AndWhatIsWrongIs4xxAllInTheODataErrorFormat() {
        // OData 4.0 Protocol §9.3.1: what the service does not implement is a 501, never silently ignored
        for (String options : List.of("$filter=" + encode("planned add 1 gt 5"), "$filter=" + encode("round(planned) eq 5"),
                "$filter=" + encode("@limit gt planned") + "&@limit=5", "$expand=*", "$search=savings",
                "$apply=" + encode("groupby((year))"), "$orderby=" + encode("planned add 1"))) {
            odataError(api.get("/odata/saving_years?" + options), 501, options.substring(0, options.indexOf('=')));
        }
        for (String options : List.of("$select=colour", "$orderby=colour", "$filter=" + encode("colour eq 'red'"),
                "$filter=" + encode("planned gt 'many'"), "$top=-1", "$skip=-1", "$count=maybe", "$skiptoken=first",
                "$frobnicate=1")) {
            odataError(api.get("/odata/saving_years?" + options), 400, null);
        }
        odataError(api.get("/odata/budgets"), 404, null);
        odataError(api.get("/odata/saving_years(saving_id='no-such-saving',year='2018/19')"), 404, "key");
        odataError(api.get("/odata/saving_years?$format=xml"), 406, null);
        odataError(api.get("/odata/saving_years", "Accept", "application/atom+xml"), 406, null);
        // read-only: a write is refused as not allowed on the resource, whoever asks
        String entity = "/odata/saving_years(saving_id='leics-transformation-profile',year='2018/19')";
        for (ApiClient.Reply write : List.of(api.send("DELETE", entity), api.put(entity, "{}"),
                api.post("/odata/saving_years", "{}"))) {
            odataError(write, 405, null);
            assertThat(write.header("Allow")).isEqualTo("GET");
        }
        assertThat(api.get("/odata/saving_years?$format=json&$top=1").json().path("value")).hasSize(1);
    }

    @Test
    void aFilterMayBeBracketedReversedOrInCapitalsAndUseEveryComparison() {
        List<String> years = years("/odata/saving_years?$filter=" + encode(LEICS_DEMO));
        assertThat(years).containsExactly("2016/17", "2017/18", "2018/19", "2019/20");
        for (String same : List.of("(organisation eq 'leicestershire') and (programme_id eq 'leics-transformation')",
                "((organisation eq 'leicestershire') and (programme_id eq 'leics-transformation'))",
                "'leicestershire' eq organisation and 'leics-transformation' eq programme_id",
                "organisation EQ 'leicestershire' AND programme_id eq 'leics-transformation'")) {
            assertThat(years("/odata/saving_years?$filter=" + encode(same))).as(same).isEqualTo(years);
        }
        // a blank organisation names none: compared row by row, it matches nothing (rather than filtering nothing)
        assertThat(years("/odata/saving_years?$filter=" + encode("organisation eq ''"))).isEmpty();
        assertThat(years("/odata/saving_years?$filter=" + encode("programme_id eq ''"))).isEmpty();
        // planned: 9,900,000 in 2016/17, 9,000,000 in 2017/18, 9,300,000 in 2018/19, 7,200,000 in 2019/20
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        conditions.put("planned gt 9000000", List.of("2016/17", "2018/19"));
        conditions.put("planned ge 9000000", List.of("2016/17", "2017/18", "2018/19"));
        conditions.put("planned lt 9300000 and planned le 9000000", List.of("2017/18", "2019/20"));
        conditions.put("year eq '2016/17' or year eq '2019/20'", List.of("2016/17", "2019/20"));
        conditions.put("not (year ne '2017/18')", List.of("2017/18"));
        conditions.put("year ne '2017/18' and planned ne 7200000.00", List.of("2016/17", "2018/19"));
        conditions.put("startswith(year,'2018') or contains(saving_id,'no such')", List.of("2018/19"));
        conditions.put("year in ('2016/17','2019/20') and withdrawn eq false", List.of("2016/17", "2019/20"));
        conditions.forEach((condition, expected) -> assertThat(years("/odata/saving_years?$filter="
                + encode(LEICS_DEMO + " and (" + condition + ")"))).as(condition).isEqualTo(expected));
    }

    @Test
    void orderBySortsTheWholeFilteredSetAndTheKeyBreaksTiesSoPagesAgree() {
        String filter = "$filter=" + encode(LEICS_DEMO);
        assertThat(years("/odata/saving_years?" + filter + "&$orderby=" + encode("planned desc")))
                .containsExactly("2016/17", "2018/19", "2017/18", "2019/20");
        // every row withdrawn = false: the key (saving_id, year) orders them
        assertThat(years("/odata/saving_years?" + filter + "&$orderby=withdrawn")).containsExactly("2016/17", "2017/18",
                "2018/19", "2019/20");
        List<String> paged = new ArrayList<>();
        List<String> nextLinks = new ArrayList<>();
        for (String line : pageThrough("/odata/saving_years?" + filter + "&$orderby=" + encode("planned asc"), nextLinks)) {
            paged.add(line.split(" ")[1]);
        }
        assertThat(paged).containsExactly("2019/20", "2017/18", "2018/19", "2016/17");
        assertThat(nextLinks).hasSize(1).allSatisfy(link -> assertThat(link).contains("$orderby=planned%20asc"));
    }

    @Test
    void theCountSegmentAndAnEntityReadByItsNaturalKey() {
        ApiClient.Reply count = api.get("/odata/saving_years/$count?$filter=" + encode(LEICS_DEMO));
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        assertThat(count.contentType()).startsWith("text/plain");
        assertThat(count.header("OData-Version")).isEqualTo("4.0");
        assertThat(count.body()).isEqualTo("4");

        // the year's slash as clients send it inside the quoted key value
        ApiClient.Reply year = api.get("/odata/saving_years(saving_id='leics-transformation-profile',year='2017/18')");
        assertThat(year.status()).as(year.toString()).isEqualTo(200);
        assertThat(year.json().path("@odata.context").asText()).isEqualTo("http://localhost:" + port
                + "/odata/$metadata#saving_years/$entity");
        assertThat(year.json().path("planned").decimalValue()).isEqualByComparingTo("9000000.00");
        assertThat(year.json().path("organisation").asText()).isEqualTo("leicestershire");

        // a programme's own change has no saving or year: its key holds them as empty strings
        ApiClient.Reply launch = api.get("/odata/changes(programme_id='leics-transformation',saving_id='',version=0,"
                + "field='savingsTarget',year='')");
        assertThat(launch.status()).as(launch.toString()).isEqualTo(200);
        assertThat(launch.json().path("event_type").asText()).isEqualTo("ProgrammeLaunched");
        assertThat(launch.json().path("saving_id").asText()).isEmpty();
        odataError(api.get("/odata/saving_years(saving_id='leics-transformation-profile',year='2030/31')"), 404, "key");
    }

    @Test
    void decimalsAsStringsForIeee754CompatibleClientsAndMetadataFullOrNone() {
        String first = "/odata/changes?$top=1&$filter=" + encode(LEICS_DEMO + " and event_type eq 'ProgrammeLaunched'");
        JsonNode plain = api.get(first).json().path("value").get(0);
        assertThat(plain.path("after").isNumber()).isTrue();
        assertThat(plain.path("version").isNumber()).isTrue();

        ApiClient.Reply compatible = api.get(first, "Accept", "application/json;IEEE754Compatible=true");
        assertThat(compatible.contentType()).containsIgnoringCase("IEEE754Compatible=true");
        JsonNode strings = compatible.json().path("value").get(0);
        assertThat(strings.path("after").isTextual()).isTrue();
        assertThat(strings.path("after").asText()).isEqualTo(plain.path("after").decimalValue().setScale(2).toPlainString());
        assertThat(strings.path("version").isTextual()).isTrue();
        assertThat(compatible.body()).contains("\"recorded_at\":\"" + plain.path("recorded_at").asText() + "\"");
        assertThat(plain.path("recorded_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");

        JsonNode full = api.get(first, "Accept", "application/json;odata.metadata=full").json();
        assertThat(full.path("value").get(0).path("@odata.type").asText()).isEqualTo("#SavingsLedger.changes");
        assertThat(full.path("value").get(0).path("@odata.id").asText()).startsWith("changes(programme_id='leics-transformation'");
        assertThat(full.path("value").get(0).path("after@odata.type").asText()).isEqualTo("#Decimal");

        JsonNode none = api.get(first, "Accept", "application/json;odata.metadata=none").json();
        assertThat(none.has("@odata.context")).isFalse();
        assertThat(none.path("value").get(0).path("event_type").asText()).isEqualTo("ProgrammeLaunched");
    }

    private List<String> years(String path) {
        ApiClient.Reply reply = api.get(path);
        assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(200);
        List<String> years = new ArrayList<>();
        reply.json().path("value").forEach(row -> years.add(row.path("year").asText()));
        return years;
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
                // a programme's own change: its saving and year, part of the key, are empty
                "nottinghamshire|" + notts + "||0|ProgrammeLaunched||savingsTarget|0.00|300000.00|admin|null|null",
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
            odataError(theirs, 404, "$filter");
            assertThat(theirs.json().path("error").path("message").asText()).as(set).isEqualTo("no organisation 'leicestershire'");
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

    /** An OData error (OData JSON Format §21): a code and a message, the target where one option is to blame. */
    private static void odataError(ApiClient.Reply reply, int status, String target) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("OData-Version")).isEqualTo("4.0");
        if (reply.body().isEmpty()) {
            return;
        }
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).as(reply.toString()).isNotBlank();
        assertThat(error.path("message").asText()).as(reply.toString()).isNotBlank();
        if (target != null) {
            assertThat(error.path("target").asText()).as(reply.toString()).isEqualTo(target);
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
