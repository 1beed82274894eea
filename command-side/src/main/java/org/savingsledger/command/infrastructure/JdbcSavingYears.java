package org.savingsledger.command.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.shared.FinancialYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ledger directory's money per saving and year ({@code ledger_saving_years}) and each programme's period: what a
 * change of period is checked against. Like {@link JdbcLedgerDirectory} (same processing group) it runs in the unit
 * of work that appends the event, so a refusal here undoes the command.
 *
 * <p>A shortened period must not drop a year that holds money (rule {@code period-keeps-years-with-money}); a saving
 * event must not put money into a year outside its programme's period (rule {@code years-within-programme-period},
 * which the saving also checks, but against the directory as read when its command began). The change of period
 * takes the programme's row lock before it looks at the years; a saving event that puts money into a year takes the
 * same lock (after its saving's row, the order every directory write keeps) before it looks at the period. Whichever
 * commits second waits for the first and then sees what it wrote, so the two cannot both pass.
 */
@Component
@ProcessingGroup(JdbcLedgerDirectory.PROCESSING_GROUP)
class JdbcSavingYears {

    private final JdbcTemplate jdbc;

    JdbcSavingYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SavingEvent event) {
        List<SavingYearChange> changes = SavingYearChange.of(event);
        if (changes.isEmpty()) {
            return;
        }
        String saving = event.savingId().value();
        String programme = event.programmeId().value();
        // the saving's row first (absent while it is being proposed), so that its years are written one command at a time
        jdbc.query("select id from ledger_directory where id = ? for update", rs -> null, saving);
        for (SavingYearChange change : changes) {
            jdbc.update("insert into ledger_saving_years (saving_id, programme_id, year, planned, delivered) "
                            + "values (?, ?, ?, ?, ?) on conflict (saving_id, year) do update set "
                            + "planned = ledger_saving_years.planned + excluded.planned, "
                            + "delivered = ledger_saving_years.delivered + excluded.delivered",
                    saving, programme, change.year().startYear(), change.planned().amount(), change.delivered().amount());
        }
        List<FinancialYear> raised = changes.stream().filter(SavingYearChange::raises).map(SavingYearChange::year).toList();
        if (raised.isEmpty()) {
            return;
        }
        int[] period = jdbc.query("select first_year, last_year from ledger_directory where id = ? and kind = 'PROGRAMME' "
                        + "for no key update",
                rs -> rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : null, programme);
        if (period == null) {
            throw new IllegalStateException("the ledger directory has no entry for programme " + programme
                    + " of saving " + saving);
        }
        for (FinancialYear year : raised) {
            if (year.startYear() < period[0] || year.startYear() > period[1]) {
                throw new BusinessRuleViolation(Rule.YEARS_WITHIN_PROGRAMME_PERIOD, year + " is outside programme '"
                        + programme + "', which now runs from " + FinancialYear.of(period[0]) + " to "
                        + FinancialYear.of(period[1]));
            }
        }
    }

    @EventHandler
    void on(ProgrammePeriodChanged event) {
        String programme = event.programmeId().value();
        int updated = jdbc.update("update ledger_directory set first_year = ?, last_year = ? where id = ? and kind = 'PROGRAMME'",
                event.firstYear().startYear(), event.lastYear().startYear(), programme);
        if (updated != 1) {
            throw new IllegalStateException("the ledger directory has no entry for programme " + programme);
        }
        List<FinancialYear> dropped = jdbc.queryForList("select distinct y.year from ledger_saving_years y "
                        + "join ledger_directory s on s.id = y.saving_id "
                        + "where y.programme_id = ? and (y.year < ? or y.year > ?) "
                        + "and ((y.planned <> 0 and not s.withdrawn) or y.delivered <> 0) order by y.year",
                Integer.class, programme, event.firstYear().startYear(), event.lastYear().startYear())
                .stream().map(FinancialYear::of).toList();
        if (!dropped.isEmpty()) {
            throw new BusinessRuleViolation(Rule.PERIOD_KEEPS_YEARS_WITH_MONEY, "programme '" + programme
                    + "' cannot run from " + event.firstYear() + " to " + event.lastYear() + ": savings hold planned or "
                    + "delivered money in " + dropped.stream().map(FinancialYear::toString).collect(Collectors.joining(", ")));
        }
    }
}
