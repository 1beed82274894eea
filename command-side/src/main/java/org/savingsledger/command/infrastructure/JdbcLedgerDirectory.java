package org.savingsledger.command.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's cross-aggregate lookup table, {@code ledger_directory}, in the event store's
 * database. Its handlers run in a subscribing processor, inside the unit of work that appends the
 * event, so the row and the event commit or roll back together: every command-side instance
 * sees exactly what the event store holds. The primary key also makes ids unique across kinds,
 * including the race of two instances creating the same id at once.
 */
@Component
@ProcessingGroup(JdbcLedgerDirectory.PROCESSING_GROUP)
class JdbcLedgerDirectory implements LedgerDirectory {

    static final String PROCESSING_GROUP = "ledger-directory";

    private final JdbcTemplate jdbc;

    JdbcLedgerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LedgerKind> kindOf(String id) {
        return jdbc.query("select kind from ledger_directory where id = ?",
                rs -> rs.next() ? Optional.of(LedgerKind.valueOf(rs.getString(1))) : Optional.<LedgerKind>empty(), id);
    }

    @Override
    public Optional<ProgrammeEntry> programme(ProgrammeId id) {
        return jdbc.query("select organisation, first_year, last_year from ledger_directory where id = ? and kind = 'PROGRAMME'",
                rs -> rs.next()
                        ? Optional.of(new ProgrammeEntry(id, rs.getString(1),
                                FinancialYear.of(rs.getInt(2)), FinancialYear.of(rs.getInt(3))))
                        : Optional.<ProgrammeEntry>empty(),
                id.value());
    }

    @Override
    public Optional<String> organisationOf(String id) {
        return jdbc.query("select coalesce(d.organisation, p.organisation) from ledger_directory d "
                        + "left join ledger_directory p on p.id = d.parent_id where d.id = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty(), id);
    }

    @EventHandler
    void on(ProgrammeLaunched event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation, first_year, last_year) values (?, 'PROGRAMME', ?, ?, ?)",
                event.programmeId().value(), event.organisation(), event.firstYear().startYear(), event.lastYear().startYear());
    }

    @EventHandler
    void on(SavingProposed event) {
        jdbc.update("insert into ledger_directory (id, kind, parent_id) values (?, 'SAVING', ?)",
                event.savingId().value(), event.programmeId().value());
    }

    @EventHandler
    void on(CommitteeEstablished event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation) values (?, 'COMMITTEE', ?)",
                event.committeeId().value(), event.organisation());
    }

    @EventHandler
    void on(PositionReportPresented event) {
        jdbc.update("insert into ledger_directory (id, kind, parent_id) values (?, 'REPORT', ?)",
                event.reportId().value(), event.committeeId().value());
    }
}
