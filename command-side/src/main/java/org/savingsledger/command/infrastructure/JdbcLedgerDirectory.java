package org.savingsledger.command.infrastructure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Total;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

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
 * programme's row is raised by one {@code update ... returning} whose row lock is held to the
 * commit: two savings of one programme appended at once (by one instance or several) are added one
 * after the other, the second to the total the first committed (READ COMMITTED re-reads the updated
 * row), so they cannot both pass. Rows are always locked saving first, then programme.
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
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, DirectoryEntry> entries = new HashMap<>();
        jdbc.query("select d.id, d.kind, coalesce(d.organisation, p.organisation), d.first_year, d.last_year, "
                        + "p.id, p.kind, p.first_year, p.last_year from ledger_directory d "
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
                },
                ids.toArray());
        return entries;
    }

    @EventHandler
    void on(ProgrammeLaunched event) {
        jdbc.update("insert into ledger_directory (id, kind, organisation, first_year, last_year) values (?, 'PROGRAMME', ?, ?, ?)",
                event.programmeId().value(), event.organisation(), event.firstYear().startYear(), event.lastYear().startYear());
    }

    @EventHandler
    void on(SavingProposed event) {
        SavingTotals totals = SavingTotals.NONE.after(event);
        jdbc.update("insert into ledger_directory (id, kind, parent_id, planned_total, delivered_total) "
                        + "values (?, 'SAVING', ?, ?, ?)",
                event.savingId().value(), event.programmeId().value(), totals.planned().amount(),
                totals.delivered().amount());
        addToProgramme(event, SavingTotals.NONE, totals);
    }

    @EventHandler
    void on(SavingProfileRevised event) {
        changeTotals(event);
    }

    @EventHandler
    void on(SavingDeliveryRecorded event) {
        changeTotals(event);
    }

    @EventHandler
    void on(SavingDeliveryCorrected event) {
        changeTotals(event);
    }

    @EventHandler
    void on(SavingWithdrawn event) {
        changeTotals(event);
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

    /** Folds {@code event} into its saving's totals (the saving's row locked first) and adds the change to its programme. */
    private void changeTotals(SavingEvent event) {
        String saving = event.savingId().value();
        SavingTotals before = jdbc.query("select planned_total, delivered_total, withdrawn from ledger_directory "
                        + "where id = ? and kind = 'SAVING' for update",
                rs -> rs.next() ? new SavingTotals(Total.of(rs.getBigDecimal(1)), Total.of(rs.getBigDecimal(2)),
                        rs.getBoolean(3)) : null,
                saving);
        if (before == null) {
            throw new IllegalStateException("the ledger directory has no entry for saving " + saving);
        }
        SavingTotals after = before.after(event);
        if (after.equals(before)) {
            return;
        }
        jdbc.update("update ledger_directory set planned_total = ?, delivered_total = ?, withdrawn = ? where id = ?",
                after.planned().amount(), after.delivered().amount(), after.withdrawn(), saving);
        addToProgramme(event, before, after);
    }

    /**
     * Adds a saving's change to its programme's totals, and refuses it if it takes either further past
     * the limit. A change that lowers a total or leaves it is accepted even when the total stays past
     * the limit (events recorded before the limit was a rule may hold such sums), so such a programme can be brought back.
     */
    private void addToProgramme(SavingEvent event, SavingTotals before, SavingTotals after) {
        Total planned = after.plannedChangeFrom(before);
        Total delivered = after.deliveredChangeFrom(before);
        if (planned.amount().signum() == 0 && delivered.amount().signum() == 0) {
            return;
        }
        String programme = event.programmeId().value();
        Total[] totals = jdbc.query("update ledger_directory set planned_total = planned_total + ?, "
                        + "delivered_total = delivered_total + ? where id = ? and kind = 'PROGRAMME' "
                        + "returning planned_total, delivered_total",
                rs -> rs.next() ? new Total[] {Total.of(rs.getBigDecimal(1)), Total.of(rs.getBigDecimal(2))} : null,
                planned.amount(), delivered.amount(), programme);
        if (totals == null) {
            throw new IllegalStateException("the ledger directory has no entry for programme " + programme
                    + " of saving " + event.savingId());
        }
        requireWithinLimit("the planned total of programme '" + programme + "' (all its savings)", totals[0], planned);
        requireWithinLimit("the delivered total of programme '" + programme + "' (all its savings)", totals[1], delivered);
    }

    private static void requireWithinLimit(String figure, Total after, Total change) {
        BigDecimal magnitudeBefore = after.minus(change).amount().abs();
        if (after.amount().abs().compareTo(magnitudeBefore) > 0) {
            MoneyLimit.require(figure, after);
        }
    }
}
