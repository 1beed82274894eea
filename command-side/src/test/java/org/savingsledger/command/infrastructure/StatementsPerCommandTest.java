package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.http.LedgerHttpTest;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips to PostgreSQL per command, on the whole command side with its aggregate cache, counted by a data
 * source that writes down every statement and commit of the sending thread ({@link CountingDataSource}).
 */
@LedgerHttpTest
@Import(StatementsPerCommandTest.Counting.class)
class StatementsPerCommandTest {

    private static final FinancialYear YEAR = FinancialYear.parse("2024/25");
    private static final FinancialYear NEXT = FinancialYear.parse("2025/26");
    private static final Provenance BY = new Provenance("editor", "round trips", LocalDate.of(2024, 6, 1), null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource ? CountingDataSource.wrap(dataSource) : bean;
                }
            };
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private ProgrammeId programme;
    private SavingId saving;

    @BeforeEach
    void ledger() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = OrganisationId.of("trips-org-" + run);
        programme = ProgrammeId.of("trips-programme-" + run);
        saving = SavingId.of("trips-saving-" + run);
        commands.sendAndWait(new RegisterOrganisation(organisation, "Round trips", null, BY));
        commands.sendAndWait(new LaunchProgramme(programme, organisation.value(), "Round trips", null,
                Money.pounds(1_000_000), FinancialYear.parse("2023/24"), FinancialYear.parse("2026/27"), BY));
        commands.sendAndWait(propose(saving));
        // the saving is now in the aggregate cache; no counted command is its fifth event since a snapshot (the
        // threshold of these tests), whose snapshot would add statements of its own after the commit
        commands.sendAndWait(new RecordSavingDelivered(saving, YEAR, Money.pounds(1), BY, null));
    }

    /**
     * The directory read as the command is sent, which also reads the saving's last sequence number for the
     * cache's check; in its transaction the append (which returns the consistency token), the directory's one
     * statement (the saving's delivered total, its year, its programme's total and period), the commit.
     */
    @Test
    void aDeliveryToACachedSavingCostsFourRoundTrips() {
        List<String> trips = CountingDataSource.recording(() ->
                commands.sendAndWait(new RecordSavingDelivered(saving, YEAR, Money.pounds(10), BY, null)));

        assertThat(trips).hasSize(4);
        assertThat(trips.get(0)).startsWith("select d.id, d.kind").contains("max(e.sequence_number)");
        assertThat(trips.get(1)).startsWith("INSERT INTO domain_event_entry");
        assertThat(trips.get(2)).startsWith("with saving as (update ledger_directory set delivered_total")
                .contains("insert into ledger_saving_years").contains("update ledger_directory p");
        assertThat(trips.get(3)).isEqualTo("commit");
    }

    /** As a delivery; the directory's statement locks the saving's row, moves the money and locks the programme's period. */
    @Test
    void aSlipOfACachedSavingCostsFourRoundTrips() {
        List<String> trips = CountingDataSource.recording(() ->
                commands.sendAndWait(new SlipSavingToYear(saving, YEAR, NEXT, Money.pounds(5), BY, null)));

        assertThat(trips).hasSize(4);
        assertThat(trips.get(0)).contains("max(e.sequence_number)");
        assertThat(trips.get(2)).startsWith("with saving as (select id from ledger_directory")
                .contains("insert into ledger_saving_years").contains("for no key update of p");
        assertThat(trips.get(3)).isEqualTo("commit");
    }

    /** A new saving is not loaded: the directory read (its id and its programme), the append, the directory, the commit. */
    @Test
    void aProposalCostsFourRoundTrips() {
        List<String> trips = CountingDataSource.recording(() -> commands.sendAndWait(propose(SavingId.of(saving.value() + "-2"))));

        assertThat(trips).hasSize(4);
        assertThat(trips.get(0)).startsWith("select d.id, d.kind").endsWith("in (?, ?)");
        assertThat(trips.get(1)).startsWith("INSERT INTO domain_event_entry");
        assertThat(trips.get(2)).startsWith("with saving as (insert into ledger_directory")
                .contains("insert into ledger_saving_years").contains("update ledger_directory p");
        assertThat(trips.get(3)).isEqualTo("commit");
    }

    /**
     * What the one statements wrote. The saving: proposed £1,000 in 2024/25 and £500 in 2025/26, then £1 and £10
     * delivered in 2024/25, then £5 slipped to 2025/26; a second saving proposed as the first.
     */
    @Test
    void theDirectoryHoldsWhatTheCommandsChanged() {
        commands.sendAndWait(new RecordSavingDelivered(saving, YEAR, Money.pounds(10), BY, null));
        commands.sendAndWait(new SlipSavingToYear(saving, YEAR, NEXT, Money.pounds(5), BY, null));
        commands.sendAndWait(propose(SavingId.of(saving.value() + "-2")));

        // planned 1,000 + 500; delivered 1 + 10
        assertThat(totals(saving.value())).containsExactly(new BigDecimal("1500.00"), new BigDecimal("11.00"));
        // 2024/25: 1,000 - 5 planned, 11 delivered; 2025/26: 500 + 5 planned
        assertThat(years(saving.value())).containsExactly(
                List.of(2024, new BigDecimal("995.00"), new BigDecimal("11.00")),
                List.of(2025, new BigDecimal("505.00"), new BigDecimal("0.00")));
        assertThat(years(saving.value() + "-2")).containsExactly(
                List.of(2024, new BigDecimal("1000.00"), new BigDecimal("0.00")),
                List.of(2025, new BigDecimal("500.00"), new BigDecimal("0.00")));
        // both savings' plans, 1,500 each; the first's deliveries
        assertThat(totals(programme.value())).containsExactly(new BigDecimal("3000.00"), new BigDecimal("11.00"));
    }

    private List<BigDecimal> totals(String id) {
        return jdbc.queryForObject("select planned_total, delivered_total from ledger_directory where id = ?",
                (rs, row) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)), id);
    }

    private List<List<Object>> years(String id) {
        return jdbc.query("select year, planned, delivered from ledger_saving_years where saving_id = ? order by year",
                (rs, row) -> List.<Object>of(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), id);
    }

    private ProposeSaving propose(SavingId id) {
        return new ProposeSaving(id, programme, "Round trips", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(Map.of(YEAR, Money.pounds(1_000), NEXT, Money.pounds(500))), BY);
    }
}
