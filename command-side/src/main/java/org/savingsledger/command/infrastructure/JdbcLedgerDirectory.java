package org.savingsledger.command.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Total;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command side's cross-aggregate lookup table, {@code ledger_directory}, in the event store's
 * database. Its handlers run in a subscribing processor, inside the unit of work that appends the
 * event, so the row and the event commit or roll back together: every command-side instance
 * sees exactly what the event store holds. The primary key also makes ids unique across kinds,
 * including the race of two instances creating the same id at once.
 *
 * <p>It also keeps each saving's planned and delivered totals ({@link SavingTotals}) and, on its
 * programme's row, their sums: the one place a saving event meets its programme's other savings.
 * A saving event that would take its programme's planned or delivered total past {@code Money.MAX}
 * is refused here by rule {@code totals-within-money-limit}, which undoes its command. The
 * programme's row is raised by an {@code update ... returning} whose row lock is held to the
 * commit: two savings of one programme appended at once (by one instance or several) are added one
 * after the other, the second to the total the first committed (READ COMMITTED re-reads the updated
 * row), so they cannot both pass. Rows are always locked saving first, then programme.
 *
 * <p>And each saving's money per year ({@code ledger_saving_years}, {@link SavingYearChange}), which
 * {@link JdbcSavingYears} checks a change of period against: a saving event must not put money into a
 * year outside its programme's period (rule {@code years-within-programme-period}, which the saving also
 * checks, but against the directory as read when its command began). Such an event holds its programme's
 * row lock (the update of its totals, or a {@code for no key update}) as it reads the period, the lock a
 * change of period takes before it looks at the years: whichever commits second waits for the first and
 * then sees what it wrote, so the two cannot both pass.
 *
 * <p>A saving event costs one statement (a revision or a withdrawal two: its change to the programme
 * depends on the totals held), a round trip to the database being most of a command's cost.
 */
@Component
@ProcessingGroup(JdbcLedgerDirectory.PROCESSING_GROUP)
class JdbcLedgerDirectory implements LedgerDirectory {

    static final String PROCESSING_GROUP = "ledger-directory";

    private final JdbcTemplate jdbc;

    JdbcLedgerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement for every id a command names: each row with its parent (a saving's programme, a
     * report's committee), which gives the organisation of ids that have none of their own.
     */
    @Override
    public Map<String, DirectoryEntry> entries(Collection<String> ids) {
        return read(ids, null).entries();
    }

    /**
     * The entries of {@code ids} and, read by the same statement, the event store's last sequence number of
     * {@code aggregate} (one of the ids, the command's target; {@code null}: none): what the aggregate cache
     * checks a cached copy against ({@link AggregateCache}), for no round trip of its own.
     */
    DirectoryRead read(Collection<String> ids, String aggregate) {
        if (ids.isEmpty()) {
            return new DirectoryRead(Map.of(), null);
        }
        Map<String, DirectoryEntry> entries = new HashMap<>();
        Long[] lastSequenceNumber = {null};
        List<Object> parameters = new ArrayList<>();
        String sequence = "";
        if (aggregate != null) {
            // the index of the unique (aggregate, sequence number) answers it, as for Axon's own query
            sequence = ", case when d.id = ? then (select max(e.sequence_number) from domain_event_entry e "
                    + "where e.aggregate_identifier = d.id) end";
            parameters.add(aggregate);
        }
        parameters.addAll(ids);
        jdbc.query("select d.id, d.kind, coalesce(d.organisation, p.organisation), d.first_year, d.last_year, "
                        + "p.id, p.kind, p.first_year, p.last_year" + sequence + " from ledger_directory d "
                        + "left join ledger_directory p on p.id = d.parent_id "
                        + "where d.id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                (RowCallbackHandler) rs -> {
                    String id = rs.getString(1);
                    LedgerKind kind = LedgerKind.valueOf(rs.getString(2));
                    String organisation = rs.getString(3);
                    ProgrammeEntry programme = null;
                    if (kind == LedgerKind.PROGRAMME) {
                        programme = new ProgrammeEntry(ProgrammeId.of(id), organisation,
                                FinancialYear.of(rs.getInt(4)), FinancialYear.of(rs.getInt(5)));
                    } else if (kind == LedgerKind.SAVING && "PROGRAMME".equals(rs.getString(7))) {
                        programme = new ProgrammeEntry(ProgrammeId.of(rs.getString(6)), organisation,
                                FinancialYear.of(rs.getInt(8)), FinancialYear.of(rs.getInt(9)));
                    }
                    entries.put(id, new DirectoryEntry(id, kind, organisation, programme));
                    if (id.equals(aggregate)) {
                        lastSequenceNumber[0] = rs.getObject(10, Long.class);
                    }
                },
                parameters.toArray());
        return new DirectoryRead(entries, lastSequenceNumber[0]);
    }

    /** What {@link #read} found: the entries, and the aggregate's last sequence number if it has events. */
    record DirectoryRead(Map<String, DirectoryEntry> entries, Long lastSequenceNumber) {
    }

    @EventHandler
    void on(ProgrammeLaunched event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation, first_year, last_year) values (?, 'PROGRAMME', ?, ?, ?)",
                event.programmeId().value(), event.organisation(), event.firstYear().startYear(), event.lastYear().startYear());
    }

    /**
     * Everything a saving event changes in the directory, in one statement: the saving's row (inserted,
     * its totals changed, or only locked), its money per year ({@link SavingYearChange}) and its programme's
     * totals, which the statement answers with the programme's period. The saving's row comes first: the
     * years and the programme join on what that part returned, so PostgreSQL writes them only once it holds
     * the saving's row lock (the order every directory write keeps), and nothing is written for a saving or
     * programme the directory does not hold. The statement then fails the command here.
     */
    @EventHandler
    void on(SavingEvent event) {
        String saving = event.savingId().value();
        String programme = event.programmeId().value();
        List<SavingYearChange> years = byYear(SavingYearChange.of(event));
        StringBuilder sql = new StringBuilder("with saving as (");
        List<Object> parameters = new ArrayList<>();
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        if (event instanceof SavingProposed) {
            SavingTotals totals = SavingTotals.NONE.after(event);
            sql.append("insert into ledger_directory (id, kind, parent_id, planned_total, delivered_total) "
                    + "values (?, 'SAVING', ?, ?, ?) returning id");
            parameters.addAll(List.of(saving, programme, totals.planned().amount(), totals.delivered().amount()));
            planned = totals.plannedChangeFrom(SavingTotals.NONE);
            delivered = totals.deliveredChangeFrom(SavingTotals.NONE);
        } else if (event instanceof SavingDeliveryRecorded || event instanceof SavingDeliveryCorrected) {
            // a delivery only adds to the delivered total, so the change needs nothing of what the row holds
            delivered = SavingTotals.NONE.after(event).delivered();
            sql.append("update ledger_directory set delivered_total = delivered_total + ? where id = ? and kind = 'SAVING' "
                    + "returning id");
            parameters.addAll(List.of(delivered.amount(), saving));
        } else if (SavingTotals.EVENTS.contains(event.getClass())) {
            // a revision or a withdrawal: what it adds to the programme depends on the totals the saving holds
            SavingTotals before = lockedTotals(saving);
            SavingTotals after = before.after(event);
            planned = after.plannedChangeFrom(before);
            delivered = after.deliveredChangeFrom(before);
            sql.append("update ledger_directory set planned_total = ?, delivered_total = ?, withdrawn = ? where id = ? "
                    + "returning id");
            parameters.addAll(List.of(after.planned().amount(), after.delivered().amount(), after.withdrawn(), saving));
        } else if (!years.isEmpty()) {
            // money moved between years: the saving's row is locked so that its years are written one command at a time
            sql.append("select id from ledger_directory where id = ? and kind = 'SAVING' for update");
            parameters.add(saving);
        } else {
            return;
        }
        sql.append(")");
        if (!years.isEmpty()) {
            sql.append(", years as (insert into ledger_saving_years (saving_id, programme_id, year, planned, delivered) "
                    + "select saving.id, ?, v.year, v.planned, v.delivered from saving, (values ")
                    .append(String.join(", ", Collections.nCopies(years.size(), "(?::integer, ?::numeric, ?::numeric)")))
                    .append(") as v (year, planned, delivered) on conflict (saving_id, year) do update set "
                            + "planned = ledger_saving_years.planned + excluded.planned, "
                            + "delivered = ledger_saving_years.delivered + excluded.delivered)");
            parameters.add(programme);
            for (SavingYearChange change : years) {
                parameters.addAll(List.of(change.year().startYear(), change.planned().amount(), change.delivered().amount()));
            }
        }
        boolean totalsChange = planned.amount().signum() != 0 || delivered.amount().signum() != 0;
        List<FinancialYear> raised = years.stream().filter(SavingYearChange::raises).map(SavingYearChange::year).toList();
        if (totalsChange) {
            // the programme's row lock is held to the commit: its savings are added one after the other
            sql.append(" update ledger_directory p set planned_total = p.planned_total + ?, "
                    + "delivered_total = p.delivered_total + ? from saving where p.id = ? and p.kind = 'PROGRAMME' "
                    + "returning p.planned_total, p.delivered_total, p.first_year, p.last_year");
            parameters.addAll(List.of(planned.amount(), delivered.amount(), programme));
        } else if (!raised.isEmpty()) {
            // the period, locked as a change of period locks it: whichever commits second sees what the first wrote
            sql.append(" select p.planned_total, p.delivered_total, p.first_year, p.last_year from ledger_directory p, saving "
                    + "where p.id = ? and p.kind = 'PROGRAMME' for no key update of p");
            parameters.add(programme);
        } else {
            sql.append(" select null, null, null, null from saving");
        }
        ProgrammeRow row = jdbc.query(sql.toString(), rs -> rs.next() ? new ProgrammeRow(rs.getBigDecimal(1),
                rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4)) : null, parameters.toArray());
        if (row == null) {
            throw new IllegalStateException("the ledger directory has no entry for saving " + saving + " or for its programme "
                    + programme);
        }
        if (totalsChange) {
            requireWithinLimit("the planned total of programme '" + programme + "' (all its savings)",
                    Total.of(row.planned()), planned);
            requireWithinLimit("the delivered total of programme '" + programme + "' (all its savings)",
                    Total.of(row.delivered()), delivered);
        }
        for (FinancialYear year : raised) {
            if (year.startYear() < row.firstYear() || year.startYear() > row.lastYear()) {
                throw new BusinessRuleViolation(Rule.YEARS_WITHIN_PROGRAMME_PERIOD, year + " is outside programme '"
                        + programme + "', which now runs from " + FinancialYear.of(row.firstYear()) + " to "
                        + FinancialYear.of(row.lastYear()));
            }
        }
    }

    /** A programme's row as a saving event's statement left it. */
    private record ProgrammeRow(BigDecimal planned, BigDecimal delivered, int firstYear, int lastYear) {
    }

    @EventHandler
    void on(CommitteeEstablished event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation) values (?, 'COMMITTEE', ?)",
                event.committeeId().value(), event.organisation());
    }

    /** An organisation is its own organisation, so that the organisation check of its id needs no special case. */
    @EventHandler
    void on(OrganisationRegistered event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation) values (?, 'ORGANISATION', ?)",
                event.organisationId().value(), event.organisationId().value());
    }

    @EventHandler
    void on(PositionReportPresented event) {
        jdbc.update("insert into ledger_directory (id, kind, parent_id) values (?, 'REPORT', ?)",
                event.reportId().value(), event.committeeId().value());
    }

    /** The saving's totals, its row locked to the commit. */
    private SavingTotals lockedTotals(String saving) {
        SavingTotals totals = jdbc.query("select planned_total, delivered_total, withdrawn from ledger_directory "
                        + "where id = ? and kind = 'SAVING' for update",
                rs -> rs.next() ? new SavingTotals(Total.of(rs.getBigDecimal(1)), Total.of(rs.getBigDecimal(2)),
                        rs.getBoolean(3)) : null,
                saving);
        if (totals == null) {
            throw new IllegalStateException("the ledger directory has no entry for saving " + saving);
        }
        return totals;
    }

    /** One change per year (an upsert may change a row once per statement), in the years' order. */
    private static List<SavingYearChange> byYear(List<SavingYearChange> changes) {
        Map<FinancialYear, SavingYearChange> years = new TreeMap<>();
        for (SavingYearChange change : changes) {
            years.merge(change.year(), change, (a, b) -> new SavingYearChange(a.year(), a.planned().plus(b.planned()),
                    a.delivered().plus(b.delivered())));
        }
        return List.copyOf(years.values());
    }

    /**
     * Refuses a change that takes a programme's total further past the limit. A change that lowers a total or
     * leaves it is accepted even when the total stays past the limit (events recorded before the limit was a
     * rule may hold such sums), so such a programme can be brought back.
     */
    private static void requireWithinLimit(String figure, Total after, Total change) {
        BigDecimal magnitudeBefore = after.minus(change).amount().abs();
        if (after.amount().abs().compareTo(magnitudeBefore) > 0) {
            MoneyLimit.require(figure, after);
        }
    }
}
