package org.savingsledger.command.infrastructure;

import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.Total;

import java.util.List;

/**
 * A saving's planned and delivered totals over all its years, as its programme's totals count them:
 * the one fold of a saving's events shared by the ledger directory ({@link JdbcLedgerDirectory}) and
 * the upgrade that fills the directory from the events already stored ({@code db.migration.V5__Ledger_totals}),
 * so the two cannot count differently. It counts as the read side does: a withdrawn saving's plan no
 * longer counts, what it delivered still does; slips and bring-forwards move money between years and
 * leave both totals as they are. Every event counts, whatever its effective date.
 */
public record SavingTotals(Total planned, Total delivered, boolean withdrawn) {

    /** Before a saving's first event. */
    public static final SavingTotals NONE = new SavingTotals(Total.ZERO, Total.ZERO, false);

    /** The saving events that can change these totals; the others leave them as they are. */
    public static final List<Class<? extends SavingEvent>> EVENTS = List.of(SavingProposed.class,
            SavingProfileRevised.class, SavingDeliveryRecorded.class, SavingDeliveryCorrected.class,
            SavingWithdrawn.class);

    /** The totals after {@code event}, of the saving these totals are of. */
    public SavingTotals after(SavingEvent event) {
        if (event instanceof SavingProposed proposed) {
            return new SavingTotals(Total.sum(proposed.profile().amounts().values()), Total.ZERO, false);
        }
        if (event instanceof SavingProfileRevised revised) {
            return new SavingTotals(Total.sum(revised.profile().amounts().values()), delivered, withdrawn);
        }
        if (event instanceof SavingDeliveryRecorded recorded) {
            return new SavingTotals(planned, delivered.plus(recorded.amount()), withdrawn);
        }
        if (event instanceof SavingDeliveryCorrected corrected) {
            return new SavingTotals(planned, delivered.plus(corrected.amount()), withdrawn);
        }
        if (event instanceof SavingWithdrawn) {
            return new SavingTotals(planned, delivered, true);
        }
        return this;
    }

    /** What the saving adds to its programme's planned total: nothing once withdrawn. */
    public Total countedPlanned() {
        return withdrawn ? Total.ZERO : planned;
    }

    /** What going from {@code before} to these totals adds to the programme's planned total. */
    public Total plannedChangeFrom(SavingTotals before) {
        return countedPlanned().minus(before.countedPlanned());
    }

    /** What going from {@code before} to these totals adds to the programme's delivered total. */
    public Total deliveredChangeFrom(SavingTotals before) {
        return delivered.minus(before.delivered);
    }
}
