package org.savingsledger.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import db.migration.V5__Ledger_totals;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals past £1tn, the bound of a single amount: a command that would take a year's, a saving's or
 * a programme's total past it is refused by a named rule and writes nothing; and what an earlier
 * release stored past it (it refused single amounts, not sums) reads back exactly, everywhere.
 */
@AllInOneTest
class MoneyLimitTest {

    private static final String LIMIT = "1000000000000";
    private static final String RULE = "totals-within-money-limit";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Provenance EARLIER_RELEASE = new Provenance("finance-officer", "recorded by an earlier release",
            LocalDate.of(2018, 3, 12), null);

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String organisation;
    String programme;
    String token;

    @BeforeEach
    void aProgrammeInAnOrganisationOfItsOwn() {
        api = new ApiClient(port);
        organisation = "county-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        programme = created(api.post("/api/programmes", """
                {"organisation": "%s", "name": "Adult Social Care savings", "savingsTarget": 17981000,
                 "firstYear": "2018/19", "lastYear": "2021/22", "effectiveDate": "2018-02-26"}""".formatted(organisation)));
    }

    @Test
    void aCommandThatWouldTakeATotalPastTheLimitIsRefusedByTheRuleAndWritesNothing() {
        accepted(api.post(programmePath("budget-approvals"), amount(LIMIT)));
        refused(api.post(programmePath("budget-approvals"), amount("0.01")));
        accepted(api.post(programmePath("cost-drawdowns"), amount(LIMIT)));
        refused(api.post(programmePath("cost-drawdowns"), amount("0.01")));

        // a saving's total across its years
        String tooLarge = "tl-" + UUID.randomUUID().toString().substring(0, 8);
        refused(api.post(programmePath("savings"), saving(tooLarge, "{\"2018/19\": 1e12, \"2019/20\": 1e12}")));
        assertThat(api.get("/api/savings/" + tooLarge).status()).isEqualTo(404);

        String saving = created(api.post(programmePath("savings"), saving(null, "{\"2018/19\": " + LIMIT + "}")));
        refused(api.post("/api/savings/" + saving + "/profile",
                "{\"profile\": {\"2018/19\": " + LIMIT + ", \"2019/20\": 0.01}, \"reason\": \"Re-profiled\"}"));
        accepted(api.post("/api/savings/" + saving + "/deliveries", yearAmount("2018/19", LIMIT)));
        // a year's delivered total, and the saving's delivered total across years
        refused(api.post("/api/savings/" + saving + "/deliveries", yearAmount("2018/19", "0.01")));
        refused(api.post("/api/savings/" + saving + "/deliveries", yearAmount("2019/20", "0.01")));
        refused(api.post("/api/savings/" + saving + "/delivery-corrections", yearAmount("2019/20", "0.01")));

        JsonNode summary = read("/api/programmes/" + programme);
        assertThat(summary.path("budgetApproved").decimalValue()).isEqualByComparingTo(LIMIT);
        assertThat(summary.path("costDrawnDown").decimalValue()).isEqualByComparingTo(LIMIT);
        assertThat(summary.path("totals").path("planned").decimalValue()).isEqualByComparingTo(LIMIT);
        assertThat(summary.path("totals").path("delivered").decimalValue()).isEqualByComparingTo(LIMIT);
        assertThat(summary.path("savingsCount").asInt()).isEqualTo(1);
        JsonNode view = read("/api/savings/" + saving);
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(fieldNames(view.path("profile"))).containsExactly("2018/19");
        assertThat(fieldNames(view.path("delivered"))).containsExactly("2018/19");
        assertThat(read("/api/savings/" + saving + "/history")).hasSize(2);
        // launched 0, approved 1, drawn down 2: the refusals appended nothing to the programme's stream
        assertThat(api.post(programmePath("target"), "{\"savingsTarget\": 18000000, \"reason\": \"MTFS\"}").version())
                .isEqualTo(3);
    }

    /**
     * A programme's snapshot now holds its approved budget and cost drawn down; one written by an earlier
     * release holds neither, so it must be skipped (the stream replayed), not loaded with the totals missing.
     */
    @Test
    void aProgrammeSnapshotOfAnEarlierReleaseIsSkippedAndTheStreamReplayed() {
        accepted(api.post(programmePath("budget-approvals"), amount("600000000000")));
        accepted(api.post(programmePath("budget-approvals"), amount("400000000000")));
        jdbc.update("insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "meta_data, payload, payload_revision, payload_type, time_stamp) values (?, 2, 'Programme', ?, ?, ?, null, ?, ?)",
                programme, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"programmeId\": \"" + programme + "\", \"savingsTarget\": 17981000.00}").getBytes(StandardCharsets.UTF_8),
                "org.savingsledger.command.programme.Programme", Instant.now().toString());

        refused(api.post(programmePath("budget-approvals"), amount("0.01")));
        assertThat(accepted(api.post(programmePath("cost-drawdowns"), amount(LIMIT)))).isNotBlank();
        assertThat(read("/api/programmes/" + programme).path("costDrawnDown").decimalValue()).isEqualByComparingTo(LIMIT);
    }

    /**
     * An earlier release refused each amount above £1tn but not sums: two budget approvals of £1tn, a
     * profile of £1tn in each of two years. Stored so, they must read back exactly in every view,
     * and commands to those streams must be answered (refused by the rule when they would add more).
     */
    @Test
    void totalsPastTheLimitStoredByAnEarlierReleaseReadBackExactlyEverywhere() throws IOException {
        String first = created(api.post(programmePath("savings"), saving(null, "{\"2018/19\": " + LIMIT + "}")));
        String second = created(api.post(programmePath("savings"), saving(null, "{\"2018/19\": 0}")));
        Money trillion = Money.of(LIMIT);
        SavingsProfile inOneYear = SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), trillion));
        SavingsProfile inTwoYears = SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), trillion,
                FinancialYear.parse("2019/20"), trillion));
        ProgrammeId programmeId = ProgrammeId.of(programme);
        SavingId firstId = SavingId.of(first);
        storedByAnEarlierRelease("Programme", programme,
                new ProgrammeBudgetApproved(programmeId, trillion, EARLIER_RELEASE),
                new ProgrammeBudgetApproved(programmeId, trillion, EARLIER_RELEASE),
                new ProgrammeCostDrawnDown(programmeId, trillion, EARLIER_RELEASE),
                new ProgrammeCostDrawnDown(programmeId, trillion, EARLIER_RELEASE));
        storedByAnEarlierRelease("Saving", first,
                new SavingProfileRevised(firstId, programmeId, inOneYear, inTwoYears, EARLIER_RELEASE),
                new SavingDeliveryRecorded(firstId, programmeId, FinancialYear.parse("2019/20"), trillion, EARLIER_RELEASE),
                new SavingDeliveryRecorded(firstId, programmeId, FinancialYear.parse("2020/21"), trillion, EARLIER_RELEASE));
        storedByAnEarlierRelease("Saving", second, new SavingProfileRevised(SavingId.of(second), programmeId,
                SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.ZERO)), inOneYear, EARLIER_RELEASE));
        upgraded();

        // the streams still take commands: refused by the rule when they would add more, answered otherwise
        refused(api.post(programmePath("budget-approvals"), amount("0.01")));
        refused(api.post("/api/savings/" + first + "/slips", """
                {"fromYear": "2018/19", "toYear": "2019/20", "amount": 1e12, "reason": "Re-profiled"}"""));
        refused(api.post("/api/savings/" + first + "/deliveries", yearAmount("2019/20", "0.01")));
        refused(api.post(programmePath("savings"), saving(null, "{\"2018/19\": 0.01}")));
        token = accepted(api.post("/api/savings/" + first + "/rag", "{\"status\": \"RED\", \"reason\": \"Too large\"}"));

        // by hand: planned 2018/19 = 1tn + 1tn, 2019/20 = 1tn; delivered 1tn in 2019/20 and 2020/21; target 17,981,000
        JsonNode summary = read("/api/programmes/" + programme);
        assertThat(summary.path("budgetApproved").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(summary.path("costDrawnDown").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(summary.path("totals").path("planned").decimalValue()).isEqualByComparingTo("3000000000000.00");
        assertThat(summary.path("totals").path("delivered").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(summary.path("totals").path("gapToTarget").decimalValue()).isEqualByComparingTo("-2999982019000.00");
        assertThat(summary.path("byConfidence").path("CONFIDENT").decimalValue()).isEqualByComparingTo("3000000000000.00");
        assertThat(summary.path("byRag").path("RED").decimalValue()).isEqualByComparingTo("2000000000000.00");
        JsonNode y2018 = summary.path("years").get(0);
        assertThat(y2018.path("planned").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(y2018.path("delivered").decimalValue()).isEqualByComparingTo("0");
        JsonNode y2019 = summary.path("years").get(1);
        assertThat(y2019.path("cumulativePlanned").decimalValue()).isEqualByComparingTo("3000000000000.00");
        assertThat(y2019.path("cumulativeDelivered").decimalValue()).isEqualByComparingTo("1000000000000.00");
        JsonNode y2020 = summary.path("years").get(2);
        assertThat(y2020.path("cumulativePlanned").decimalValue()).isEqualByComparingTo("3000000000000.00");
        assertThat(y2020.path("cumulativeDelivered").decimalValue()).isEqualByComparingTo("2000000000000.00");

        JsonNode listed = read("/api/programmes?organisation=" + organisation);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("totals").path("planned").decimalValue()).isEqualByComparingTo("3000000000000.00");
        // the administrator's view of every organisation
        assertThat(api.get("/api/programmes").status()).isEqualTo(200);

        JsonNode year = read("/api/years/2018-19?organisation=" + organisation);
        assertThat(year.path("planned").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(year.path("delivered").decimalValue()).isEqualByComparingTo("0");
        JsonNode saving = read("/api/savings/" + first);
        assertThat(saving.path("profile").path("2019/20").decimalValue()).isEqualByComparingTo(LIMIT);
        assertThat(saving.path("version").asLong()).isEqualTo(4);

        CSVRecord row = single(csv("/api/bi/programmes.csv?organisation=" + organisation));
        assertThat(row.get("budget_approved")).isEqualTo("2000000000000.00");
        assertThat(row.get("cost_drawn_down")).isEqualTo("2000000000000.00");
        assertThat(row.get("planned_total")).isEqualTo("3000000000000.00");
        assertThat(row.get("delivered_total")).isEqualTo("2000000000000.00");
        assertThat(row.get("gap_to_target")).isEqualTo("-2999982019000.00");
        assertThat(csv("/api/bi/programmes.csv")).anySatisfy(all -> assertThat(all.get("programme_id")).isEqualTo(programme));
        assertThat(csv("/api/bi/savings.csv?organisation=" + organisation))
                .filteredOn(r -> r.get("saving_id").equals(first))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("planned_total")).isEqualTo("2000000000000.00");
                    assertThat(r.get("delivered_total")).isEqualTo("2000000000000.00");
                });

        // money as a plain decimal number, as written
        assertThat(body("/api/bi/programmes.jsonl?organisation=" + organisation))
                .contains("\"planned_total\":3000000000000.00,").contains("\"gap_to_target\":-2999982019000.00,");
        List<JsonNode> programmes = jsonLines("/api/bi/programmes.jsonl?organisation=" + organisation);
        assertThat(programmes).hasSize(1);
        assertThat(programmes.get(0).path("planned_total").isNumber()).isTrue();
        assertThat(programmes.get(0).path("planned_total").decimalValue()).isEqualByComparingTo("3000000000000.00");
        // two savings by four years of the programme, every row a row (no problem in their place)
        List<JsonNode> years = jsonLines("/api/bi/saving_years.jsonl?organisation=" + organisation);
        assertThat(years).hasSize(8).allSatisfy(r -> assertThat(r.has("saving_id")).isTrue());
        assertThat(years).filteredOn(r -> r.path("saving_id").asText().equals(first))
                .extracting(r -> r.path("year").asText() + "=" + r.path("planned").decimalValue().setScale(2).toPlainString())
                .containsExactly("2018/19=1000000000000.00", "2019/20=1000000000000.00", "2020/21=0.00", "2021/22=0.00");

        String filter = "?$filter=" + URLEncoder.encode("organisation eq '" + organisation + "'", StandardCharsets.UTF_8);
        JsonNode odataProgrammes = read("/odata/programmes" + filter).path("value");
        assertThat(odataProgrammes).hasSize(1);
        assertThat(odataProgrammes.get(0).path("planned_total").decimalValue()).isEqualByComparingTo("3000000000000.00");
        assertThat(odataProgrammes.get(0).path("budget_approved").decimalValue()).isEqualByComparingTo("2000000000000.00");
        assertThat(read("/odata/saving_years" + filter).path("value")).hasSize(8);
        assertThat(api.get("/odata/programmes").status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Appends events to a stream created by one command (version 0), as a release that did not check sums
     * could have: straight to the storage engine, since this release's ledger directory would refuse them.
     */
    private void storedByAnEarlierRelease(String type, String id, Object... events) {
        long next = 1;
        for (Object event : events) {
            storageEngine.appendEvents(new GenericDomainEventMessage<>(type, id, next++, event));
        }
    }

    /** What the upgrade to this release does with them: the ledger directory's totals folded from the stored events. */
    private void upgraded() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            V5__Ledger_totals.backfill(connection);
            connection.commit();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String programmePath(String command) {
        return "/api/programmes/" + programme + "/" + command;
    }

    private static String amount(String amount) {
        return "{\"amount\": " + amount + ", \"reason\": \"Resource plan\"}";
    }

    private static String yearAmount(String year, String amount) {
        return "{\"year\": \"" + year + "\", \"amount\": " + amount + ", \"reason\": \"Outturn\"}";
    }

    private static String saving(String id, String profile) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ")
                + "\"title\": \"Council savings\", \"confidence\": \"CONFIDENT\", \"stage\": \"IN_DELIVERY\", "
                + "\"effectiveDate\": \"2018-02-26\", \"profile\": " + profile + "}";
    }

    private String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        token = reply.json().path("consistencyToken").asText();
        return reply.id();
    }

    private String accepted(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        token = reply.json().path("consistencyToken").asText();
        return token;
    }

    private static void refused(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:rule:" + RULE);
        assertThat(reply.json().path("rule").asText()).isEqualTo(RULE);
    }

    private JsonNode read(String path) {
        String withToken = path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token;
        ApiClient.Reply reply = api.get(withToken);
        assertThat(reply.status()).as(withToken + " -> " + reply).isEqualTo(200);
        return reply.json();
    }

    private String body(String path) {
        String withToken = path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token;
        ApiClient.Reply reply = api.get(withToken);
        assertThat(reply.status()).as(withToken + " -> " + reply).isEqualTo(200);
        return reply.body();
    }

    private List<CSVRecord> csv(String path) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body(path))).getRecords();
    }

    private List<JsonNode> jsonLines(String path) {
        return body(path).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(line, e);
            }
        }).toList();
    }

    private static CSVRecord single(List<CSVRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
