package org.savingsledger.command.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.shared.FinancialYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The check of a change of a programme's period against the ledger directory's money per saving and year
 * ({@code ledger_saving_years}, which {@link JdbcLedgerDirectory} keeps with each saving event). Like the
 * directory (same processing group) it runs in the unit of work that appends the event, so a refusal here
 * undoes the command.
 *
 * <p>A shortened period must not drop a year that holds money (rule {@code period-keeps-years-with-money}).
 * The change of period takes the programme's row lock before it looks at the years; a saving event that puts
 * money into a year takes the same lock (after its saving's row, the order every directory write keeps)
 * before it looks at the period. Whichever commits second waits for the first and then sees what it wrote,
 * so the two cannot both pass.
 */
@Component
@ProcessingGroup(JdbcLedgerDirectory.PROCESSING_GROUP)
class JdbcSavingYears {

    private final JdbcTemplate jdbc;

    JdbcSavingYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
