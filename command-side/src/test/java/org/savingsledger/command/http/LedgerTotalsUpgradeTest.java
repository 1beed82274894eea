package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.EventJson;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.CommitteeId;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade: a database an earlier release wrote (schema V1..V3, its events and directory rows) is
 * migrated by Flyway as at start-up, and migration V5 fills every saving's and programme's totals from
 * the stored events with the live directory's fold. Run on a database of its own in the embedded server.
 */
@LedgerHttpTest
class LedgerTotalsUpgradeTest {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final Provenance PROVENANCE = new Provenance("finance-officer", "Outturn", LocalDate.of(2018, 3, 12), null);
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate server;

    String database;
    DataSource earlierRelease;
    JdbcTemplate jdbc;
    final Map<String, Long> sequences = new HashMap<>();
    final List<Object[]> stored = new ArrayList<>();

    @BeforeEach
    void aDatabaseAsAnEarlierReleaseLeftIt() {
        database = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.execute("create database " + database);
        earlierRelease = postgres.getDatabase("postgres", database);
        jdbc = new JdbcTemplate(earlierRelease);
        flyway().target("3").load().migrate();
    }

    @AfterEach
    void dropIt() {
        server.execute("drop database if exists " + database);
    }

    @Test
    void theUpgradeFillsEachSavingsAndProgrammesTotalsFromTheStoredEvents() {
        launched("p1");
        launched("p2");
        launched("p3");
        store("p1", new ProgrammeBudgetApproved(ProgrammeId.of("p1"), Money.pounds(5_000_000), PROVENANCE));
        jdbc.update("insert into ledger_directory (id, kind, organisation) values ('c1', 'COMMITTEE', 'nottinghamshire')");
        store("c1", new CommitteeEstablished(CommitteeId.of("c1"), "nottinghamshire", "ASC&PH Committee", PROVENANCE));
        proposed("s1", "p1", profile(Y2018, "600" + "000000000", Y2019, "100" + "000000000"));
        proposed("s2", "p1", profile(Y2018, "700" + "000000000"));
        proposed("s3", "p1", profile(Y2019, "900" + "000000000"));
        proposed("s4", "p2", profile(Y2018, "1234.56"));
        proposed("s5", "p2", profile(Y2018, "0"));
        // interleaved across streams, in recording order
        store("s1", new SavingSlippedToYear(SavingId.of("s1"), ProgrammeId.of("p1"), Y2018, Y2020,
                Money.of("50000000000"), PROVENANCE));
        store("s2", delivery("s2", "p1", Y2018, "200000000000"));
        store("s1", delivery("s1", "p1", Y2018, "300000000000"));
        store("s3", new SavingStageChanged(SavingId.of("s3"), ProgrammeId.of("p1"), Stage.IN_DELIVERY, Stage.DELIVERED,
                PROVENANCE));
        store("s1", new SavingDeliveryCorrected(SavingId.of("s1"), ProgrammeId.of("p1"), Y2018, Money.of("-10000000000"),
                PROVENANCE));
        store("s2", new SavingWithdrawn(SavingId.of("s2"), ProgrammeId.of("p1"), PROVENANCE));
        store("s3", delivery("s3", "p1", Y2019, "950000000000"));
        store("s1", new SavingProfileRevised(SavingId.of("s1"), ProgrammeId.of("p1"),
                profile(Y2018, "550000000000", Y2019, "100000000000", Y2020, "50000000000"),
                profile(Y2018, "800000000000"), PROVENANCE));
        store("s4", delivery("s4", "p2", Y2018, "0.44"));
        // more events than one fetch of the cursor: 2,500 deliveries of 1p
        for (int i = 0; i < 2_500; i++) {
            store("s5", delivery("s5", "p2", Y2019, "0.01"));
        }
        jdbc.batchUpdate("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, '1', ?, ?)", stored);

        // up to the upgrades under test (V5 totals, V6_2 money per saving and year): later ones are not its business
        flyway().target("6.2").load().migrate();

        // by hand: s1 planned 800bn (revised), delivered 300bn - 10bn; s2 withdrawn: planned 700bn no longer
        // counted, its 200bn delivered still is; s3 900bn planned, 950bn delivered; p1 past the limit, as stored
        assertThat(totals("s1")).isEqualTo("800000000000.00 290000000000.00 false");
        assertThat(totals("s2")).isEqualTo("700000000000.00 200000000000.00 true");
        assertThat(totals("s3")).isEqualTo("900000000000.00 950000000000.00 false");
        assertThat(totals("p1")).isEqualTo("1700000000000.00 1440000000000.00 false");
        assertThat(totals("s4")).isEqualTo("1234.56 0.44 false");
        assertThat(totals("s5")).isEqualTo("0.00 25.00 false");
        assertThat(totals("p2")).isEqualTo("1234.56 25.44 false");
        assertThat(totals("p3")).isEqualTo("0.00 0.00 false");
        assertThat(totals("c1")).isEqualTo("0.00 0.00 false");
        // money per saving and year (V6_2), by hand: s1 planned 2018/19 600bn - 50bn slipped + (800bn - 550bn) revised,
        // 2019/20 100bn - 100bn, 2020/21 50bn slipped in - 50bn revised; s2's plan is kept though it was withdrawn
        assertThat(years("s1")).containsExactly("2018 800000000000.00 290000000000.00", "2019 0.00 0.00", "2020 0.00 0.00");
        assertThat(years("s2")).containsExactly("2018 700000000000.00 200000000000.00");
        assertThat(years("s3")).containsExactly("2019 900000000000.00 950000000000.00");
        assertThat(years("s5")).containsExactly("2018 0.00 0.00", "2019 0.00 25.00");
        assertThat(jdbc.queryForObject("select max(version) from flyway_schema_history", String.class)).isEqualTo("6.2");
    }

    // ---------------------------------------------------------------------------------------------

    private List<String> years(String saving) {
        return jdbc.query("select year, planned, delivered from ledger_saving_years where saving_id = ? order by year",
                (rs, row) -> rs.getInt(1) + " " + rs.getBigDecimal(2).toPlainString() + " "
                        + rs.getBigDecimal(3).toPlainString(), saving);
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(earlierRelease).locations("classpath:db/migration");
    }

    private String totals(String id) {
        return jdbc.queryForObject("select planned_total, delivered_total, withdrawn from ledger_directory where id = ?",
                (rs, row) -> rs.getBigDecimal(1).toPlainString() + " " + rs.getBigDecimal(2).toPlainString() + " "
                        + rs.getBoolean(3), id);
    }

    private void launched(String id) {
        jdbc.update("insert into ledger_directory (id, kind, organisation, first_year, last_year) "
                + "values (?, 'PROGRAMME', 'nottinghamshire', 2018, 2021)", id);
        store(id, new ProgrammeLaunched(ProgrammeId.of(id), "nottinghamshire", "Adult Social Care savings", null,
                Money.pounds(17_981_000), Y2018, FinancialYear.parse("2021/22"), PROVENANCE));
    }

    private void proposed(String id, String programme, SavingsProfile profile) {
        jdbc.update("insert into ledger_directory (id, kind, parent_id) values (?, 'SAVING', ?)", id, programme);
        store(id, new SavingProposed(SavingId.of(id), ProgrammeId.of(programme), "Council savings", null, null,
                Confidence.CONFIDENT, Stage.IN_DELIVERY, profile, PROVENANCE));
    }

    private static SavingDeliveryRecorded delivery(String saving, String programme, FinancialYear year, String amount) {
        return new SavingDeliveryRecorded(SavingId.of(saving), ProgrammeId.of(programme), year, Money.of(amount), PROVENANCE);
    }

    private static SavingsProfile profile(Object... yearsAndAmounts) {
        TreeMap<FinancialYear, Money> amounts = new TreeMap<>();
        for (int i = 0; i < yearsAndAmounts.length; i += 2) {
            amounts.put((FinancialYear) yearsAndAmounts[i], Money.of((String) yearsAndAmounts[i + 1]));
        }
        return new SavingsProfile(amounts);
    }

    /** One row of domain_event_entry as the earlier release's Axon engine wrote it, written in order by the test. */
    private void store(String aggregate, LedgerEvent event) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        String type = event.getClass().getSimpleName().startsWith("Saving") ? "Saving"
                : event.getClass().getSimpleName().startsWith("Programme") ? "Programme" : "Committee";
        try {
            stored.add(new Object[] {UUID.randomUUID().toString(), aggregate, sequence, type, "2018-03-12T10:00:00Z",
                    event.getClass().getName(), JSON.writeValueAsBytes(event), "{}".getBytes(StandardCharsets.UTF_8)});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
