package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V5__Ledger_totals;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's planned and delivered totals across its savings stay within £1tn: each saving is its
 * own aggregate, so the ledger directory adds every saving's change to its programme's row in the
 * command's own transaction and refuses one that takes a total past the limit (rule
 * totals-within-money-limit), which undoes the command.
 */
@LedgerHttpTest
class ProgrammeTotalsTest {

    private static final String RULE = "totals-within-money-limit";
    private static final String BILLION = "000000000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStorageEngine storageEngine;

    ApiClient api;
    String programme;

    @BeforeEach
    void aProgrammeWithNoSavings() {
        api = new ApiClient(port).withOrganisation("nottinghamshire");
        programme = newId("totals");
        ApiClient.Reply reply = api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Adult Social Care savings",
                 "savingsTarget": 17981000, "firstYear": "2018/19", "lastYear": "2021/22"}""".formatted(programme));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void aSecondSavingThatWouldTakeTheProgrammesPlannedTotalPastTheLimitIsRefusedAndWritesNothing() {
        String first = propose(newId("first"), "{\"2018/19\": 600" + BILLION + "}");
        String second = newId("second");
        long eventsBefore = eventCount();

        JsonNode problem = refused(api.post(savingsPath(), saving(second, "{\"2018/19\": 600" + BILLION + "}")));

        assertThat(problem.path("detail").asText()).contains("programme '" + programme + "'")
                .contains("1200000000000.00").contains("past 1000000000000.00");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, second)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger_directory where id = ?", Long.class, second)).isZero();
        assertThat(totals(first)).containsExactly(new BigDecimal("600000000000.00"), BigDecimal.ZERO.setScale(2));
        assertThat(totals(programme)).containsExactly(new BigDecimal("600000000000.00"), BigDecimal.ZERO.setScale(2));
        // the refused id was never taken
        propose(second, "{\"2018/19\": 400" + BILLION + "}");
        assertThat(totals(programme)).containsExactly(new BigDecimal("1000000000000.00"), BigDecimal.ZERO.setScale(2));
    }

    @Test
    void aRevisionRaisingTheProgrammePastTheLimitIsRefusedOneLoweringItAcceptedAndAWithdrawalReleasesThePlan() {
        String a = propose(newId("a"), "{\"2018/19\": 600" + BILLION + "}");
        String b = propose(newId("b"), "{\"2018/19\": 400" + BILLION + "}");
        assertThat(planned(programme)).isEqualByComparingTo("1000000000000.00");

        refused(api.post("/api/savings/" + b + "/profile", revision("{\"2018/19\": 400" + BILLION + ", \"2019/20\": 0.01}")));
        accepted(api.post("/api/savings/" + a + "/profile", revision("{\"2018/19\": 500" + BILLION + "}")));
        assertThat(planned(programme)).isEqualByComparingTo("900000000000.00");
        accepted(api.post("/api/savings/" + b + "/profile", revision("{\"2018/19\": 500" + BILLION + "}")));
        // a slip moves money between years: the programme's total stays 500bn + 500bn
        accepted(api.post("/api/savings/" + a + "/slips", """
                {"fromYear": "2018/19", "toYear": "2020/21", "amount": 100000000000, "reason": "Re-profiled"}"""));
        assertThat(planned(programme)).isEqualByComparingTo("1000000000000.00");
        refused(api.post(savingsPath(), saving(newId("c"), "{\"2021/22\": 0.01}")));

        // a withdrawn saving's plan no longer counts: 1tn - 500bn leaves room for 500bn
        accepted(api.post("/api/savings/" + a + "/withdrawal", "{\"reason\": \"Not pursued\"}"));
        assertThat(totals(a)).containsExactly(new BigDecimal("500000000000.00"), BigDecimal.ZERO.setScale(2));
        assertThat(planned(programme)).isEqualByComparingTo("500000000000.00");
        propose(newId("c"), "{\"2021/22\": 500" + BILLION + "}");
        refused(api.post(savingsPath(), saving(newId("d"), "{\"2021/22\": 0.01}")));
        assertThat(planned(programme)).isEqualByComparingTo("1000000000000.00");
    }

    @Test
    void deliveriesAcrossSavingsPastTheLimitAreRefusedAndAWithdrawnSavingsDeliveriesStillCount() {
        String a = propose(newId("a"), "{\"2018/19\": 600" + BILLION + "}");
        String b = propose(newId("b"), "{\"2019/20\": 400" + BILLION + "}");
        accepted(api.post("/api/savings/" + a + "/deliveries", yearAmount("2018/19", "600" + BILLION)));
        accepted(api.post("/api/savings/" + b + "/deliveries", yearAmount("2019/20", "400" + BILLION)));
        assertThat(delivered(programme)).isEqualByComparingTo("1000000000000.00");

        JsonNode problem = refused(api.post("/api/savings/" + b + "/deliveries", yearAmount("2020/21", "0.01")));
        assertThat(problem.path("detail").asText()).contains("delivered total of programme '" + programme + "'")
                .contains("1000000000000.01");
        refused(api.post("/api/savings/" + b + "/delivery-corrections", yearAmount("2019/20", "0.01")));
        accepted(api.post("/api/savings/" + a + "/delivery-corrections", yearAmount("2018/19", "-1")));
        assertThat(delivered(programme)).isEqualByComparingTo("999999999999.00");
        accepted(api.post("/api/savings/" + b + "/deliveries", yearAmount("2019/20", "1")));

        accepted(api.post("/api/savings/" + a + "/withdrawal", "{\"reason\": \"Not pursued\"}"));
        assertThat(delivered(programme)).isEqualByComparingTo("1000000000000.00");
        refused(api.post("/api/savings/" + b + "/deliveries", yearAmount("2019/20", "0.01")));
        assertThat(totals(b)).containsExactly(new BigDecimal("400000000000.00"), new BigDecimal("400000000001.00"));
    }

    /**
     * An earlier release did not check these sums, so a programme may already be past the limit: it still
     * takes every command that lowers its totals or leaves them, and refuses one that raises them.
     */
    @Test
    void aProgrammeAnEarlierReleaseTookPastTheLimitTakesCommandsThatLowerOrKeepItsTotals() throws Exception {
        String a = propose(newId("a"), "{\"2018/19\": 1000" + BILLION + "}");
        String b = propose(newId("b"), "{\"2018/19\": 0}");
        Provenance earlierRelease = new Provenance("finance-officer", "recorded by an earlier release",
                LocalDate.of(2018, 3, 12), null);
        SavingsProfile trillion = SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.MAX));
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Saving", b, 1, new SavingProfileRevised(SavingId.of(b),
                ProgrammeId.of(programme), SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.ZERO)),
                trillion, earlierRelease)));
        upgrade();
        assertThat(totals(programme)).containsExactly(new BigDecimal("2000000000000.00"), BigDecimal.ZERO.setScale(2));

        refused(api.post(savingsPath(), saving(newId("c"), "{\"2018/19\": 0.01}")));
        accepted(api.post("/api/savings/" + b + "/profile", revision("{\"2018/19\": 500" + BILLION + "}")));
        assertThat(planned(programme)).isEqualByComparingTo("1500000000000.00");
        refused(api.post("/api/savings/" + b + "/profile", revision("{\"2018/19\": 500" + BILLION + ", \"2019/20\": 0.01}")));
        accepted(api.post("/api/savings/" + b + "/profile", revision("{\"2019/20\": 500" + BILLION + "}")));
        accepted(api.post("/api/savings/" + a + "/slips", """
                {"fromYear": "2018/19", "toYear": "2019/20", "amount": 1, "reason": "Re-profiled"}"""));
        accepted(api.post("/api/savings/" + a + "/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"Done\"}"));
        accepted(api.post("/api/savings/" + a + "/deliveries", yearAmount("2018/19", "1")));
        assertThat(totals(programme)).containsExactly(new BigDecimal("1500000000000.00"), new BigDecimal("1.00"));
        accepted(api.post("/api/savings/" + b + "/withdrawal", "{\"reason\": \"Not pursued\"}"));
        assertThat(planned(programme)).isEqualByComparingTo("1000000000000.00");
        refused(api.post(savingsPath(), saving(newId("c"), "{\"2018/19\": 0.01}")));
    }

    /**
     * Savings of one programme proposed at the same moment on several threads (each command its own
     * transaction, as on several instances): 5 x 200bn = 1tn is allowed, a sixth would make 1.2tn, so
     * exactly five pass whatever the interleaving.
     */
    @Test
    void savingsProposedAtOnceNeverTogetherTakeTheProgrammePastTheLimit() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<ApiClient.Reply>> replies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String id = newId("race" + i);
                ids.add(id);
                Callable<ApiClient.Reply> propose = () -> {
                    start.await();
                    return new ApiClient(port).post(savingsPath(), saving(id, "{\"2018/19\": 200" + BILLION + "}"));
                };
                replies.add(pool.submit(propose));
            }
            start.countDown();
            List<ApiClient.Reply> answers = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                answers.add(reply.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).filteredOn(reply -> reply.status() == 201).hasSize(5);
            assertThat(answers).filteredOn(reply -> reply.status() != 201).hasSize(3)
                    .allSatisfy(reply -> assertThat(reply.json().path("rule").asText()).as(reply.toString()).isEqualTo(RULE));
        } finally {
            pool.shutdownNow();
        }
        assertThat(planned(programme)).isEqualByComparingTo("1000000000000.00");
        assertThat(jdbc.queryForObject("select count(*) from ledger_directory where parent_id = ?", Long.class, programme))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = any (?)",
                Long.class, (Object) ids.toArray(String[]::new))).isEqualTo(5);
    }

    // ---------------------------------------------------------------------------------------------

    /** The upgrade's fold over the whole store, as Flyway runs it: one transaction. */
    private void upgrade() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            V5__Ledger_totals.backfill(connection);
            connection.commit();
        }
    }

    private String propose(String id, String profile) {
        ApiClient.Reply reply = api.post(savingsPath(), saving(id, profile));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    private static void accepted(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static JsonNode refused(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:rule:" + RULE);
        assertThat(reply.json().path("rule").asText()).isEqualTo(RULE);
        return reply.json();
    }

    /** The directory's planned and delivered totals of a programme or saving. */
    private List<BigDecimal> totals(String id) {
        return jdbc.queryForObject("select planned_total, delivered_total from ledger_directory where id = ?",
                (rs, row) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)), id);
    }

    private BigDecimal planned(String id) {
        return totals(id).get(0);
    }

    private BigDecimal delivered(String id) {
        return totals(id).get(1);
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private String savingsPath() {
        return "/api/programmes/" + programme + "/savings";
    }

    private static String saving(String id, String profile) {
        return """
                {"id": "%s", "title": "Council savings", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": %s}""".formatted(id, profile);
    }

    private static String revision(String profile) {
        return "{\"profile\": " + profile + ", \"reason\": \"Re-profiled\"}";
    }

    private static String yearAmount(String year, String amount) {
        return "{\"year\": \"" + year + "\", \"amount\": " + amount + ", \"reason\": \"Outturn\"}";
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
