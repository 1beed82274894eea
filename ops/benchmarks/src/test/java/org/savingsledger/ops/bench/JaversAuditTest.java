package org.savingsledger.ops.bench;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JaVers alternative of the benchmark on both its repositories: a programme's totals as at an
 * instant are folded from the programme's and its savings' snapshots (so the programme's list of
 * savings must be committed too), a saving's history holds every change, not JaVers' default 100,
 * and the stores it created on the ledger's servers are gone afterwards.
 */
@BenchmarkLedgerTest
class JaversAuditTest {

    private static final FinancialYear Y2021 = FinancialYear.of(2021);
    private static final FinancialYear Y2022 = FinancialYear.of(2022);
    private static final int DELIVERIES = 150;

    @Autowired
    MongoClient mongo;

    @Autowired
    DataSource dataSource;

    @Test
    void onMongoDbTheFoldAndTheHistoryAnswerEverything() throws Exception {
        String run = run();
        try (JaversBackend backend = new JaversOnMongo(mongo, run)) {
            foldAndHistory(new JaversAudit(backend));
        }
        assertThat(mongo.listDatabaseNames()).doesNotContain("javers_bench_" + run);
    }

    @Test
    void onPostgreSqlTheFoldAndTheHistoryAnswerEverything() throws Exception {
        String run = run();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try (JaversBackend backend = new JaversOnPostgres(dataSource, run)) {
            foldAndHistory(new JaversAudit(backend));
            // JaVers' own indexes, which its snapshot queries can use here (the embedded MongoDB server has none to use)
            assertThat(jdbc.queryForList("select tablename from pg_indexes where schemaname = ?", String.class, "javers_bench_" + run))
                    .contains("jv_snapshot", "jv_global_id");
        }
        assertThat(jdbc.queryForObject(
                "select count(*) from information_schema.schemata where schema_name = ?", Integer.class, "javers_bench_" + run))
                .isZero();
    }

    /**
     * A programme of two savings: s1 plans £100 in 2021/22 and £50 in 2022/23, then gets 150
     * deliveries of 1p in 2021/22, one a minute from 2021-04-01 09:00; s2 plans £30 in 2021/22 and
     * slips £10 of it to 2022/23 on 2021-06-01.
     */
    private static void foldAndHistory(JaversAudit audit) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ProgrammeId programme = ProgrammeId.of("javers-audit-" + suffix);
        SavingId s1 = SavingId.of(programme.value() + "-s1");
        SavingId s2 = SavingId.of(programme.value() + "-s2");
        audit.record(at("2021-01-01T09:00:00Z"), new ProgrammeLaunched(programme, "bench", "Audit test", null,
                Money.pounds(1_000), Y2021, Y2022, provenance(LocalDate.of(2021, 1, 1))));
        audit.record(at("2021-02-01T09:00:00Z"), new SavingProposed(s1, programme, "One", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y2021, Money.pounds(100), Y2022, Money.pounds(50))),
                provenance(LocalDate.of(2021, 2, 1))));
        audit.record(at("2021-03-01T09:00:00Z"), new SavingProposed(s2, programme, "Two", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(Y2021, Money.pounds(30))), provenance(LocalDate.of(2021, 3, 1))));
        Instant firstDelivery = at("2021-04-01T09:00:00Z");
        for (int i = 0; i < DELIVERIES; i++) {
            audit.record(firstDelivery.plusSeconds(60L * i), new SavingDeliveryRecorded(s1, programme, Y2021, Money.ofPence(1),
                    provenance(LocalDate.of(2021, 4, 1))));
        }
        audit.record(at("2021-06-01T09:00:00Z"), new SavingSlippedToYear(s2, programme, Y2021, Y2022, Money.pounds(10),
                provenance(LocalDate.of(2021, 6, 1))));

        assertEqualTotals(audit.summary(programme.value(), null), totals("120.00", "60.00", "1.50"));
        // before s2 was proposed: s1 alone
        assertEqualTotals(audit.summary(programme.value(), at("2021-02-15T00:00:00Z")), totals("100.00", "50.00", "0"));
        // deliveries 0 to 30 recorded by 09:30, before the slip
        assertEqualTotals(audit.summary(programme.value(), at("2021-04-01T09:30:00Z")), totals("130.00", "50.00", "0.31"));
        assertEqualTotals(audit.summary(programme.value(), at("2021-01-15T00:00:00Z")), totals("0", "0", "0"));

        // proposal + 150 deliveries, each its own commit
        assertThat(audit.history(s1.value(), at("2030-01-01T00:00:00Z")).groupByCommit()).hasSize(1 + DELIVERIES);
        assertThat(audit.history(s1.value(), at("2021-04-01T09:30:00Z")).groupByCommit()).hasSize(1 + 31);
        assertThat(audit.history(s2.value(), at("2021-05-01T00:00:00Z")).groupByCommit()).hasSize(1);
    }

    private static void assertEqualTotals(JaversAudit.Totals folded, JaversAudit.Totals expected) {
        assertThat(folded.sameAs(expected)).as("folded %s, expected %s", folded, expected).isTrue();
    }

    private static JaversAudit.Totals totals(String planned2021, String planned2022, String delivered2021) {
        TreeMap<String, BigDecimal> planned = new TreeMap<>(Map.of("2021/22", new BigDecimal(planned2021),
                "2022/23", new BigDecimal(planned2022)));
        return new JaversAudit.Totals(planned, new TreeMap<>(Map.of("2021/22", new BigDecimal(delivered2021))));
    }

    @Test
    void totalsDifferWhenAnyYearDiffersAndAMissingYearCountsZero() {
        JaversAudit.Totals ledger = totals("120.00", "60.00", "1.50");
        assertThat(ledger.sameAs(totals("120", "60.0", "1.5"))).isTrue();
        assertThat(ledger.sameAs(totals("120.00", "60.01", "1.50"))).isFalse();
        assertThat(ledger.sameAs(new JaversAudit.Totals(new TreeMap<>(), new TreeMap<>()))).isFalse();
        assertThat(totals("0", "0", "0").sameAs(new JaversAudit.Totals(new TreeMap<>(), new TreeMap<>()))).isTrue();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Provenance provenance(LocalDate effective) {
        return new Provenance("test", "javers audit test", effective, null);
    }

    private static String run() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
