package org.savingsledger.command.infrastructure;

import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Total;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a saving event adds to its saving's planned and delivered money in one year: the one fold of a saving's
 * money per year shared by the ledger directory ({@link JdbcLedgerDirectory}) and the upgrade that fills it from the
 * events already stored ({@code db.migration.V6_2__Saving_years}), so the two cannot count differently. Every event
 * counts, whatever its effective date; a withdrawal changes no year (whether a withdrawn saving's plan counts is
 * the directory's {@code withdrawn} flag).
 */
public record SavingYearChange(FinancialYear year, Total planned, Total delivered) {

    /** The saving events that can change a year's money; the others change none. */
    public static final List<Class<? extends SavingEvent>> EVENTS = List.of(SavingProposed.class,
            SavingProfileRevised.class, SavingSlippedToYear.class, SavingBroughtForward.class,
            SavingDeliveryRecorded.class, SavingDeliveryCorrected.class);

    /** The years {@code event} changes, each with what it adds; none for an event that moves no money. */
    public static List<SavingYearChange> of(SavingEvent event) {
        if (event instanceof SavingProposed proposed) {
            return planned(SavingsProfile.EMPTY, proposed.profile());
        }
        if (event instanceof SavingProfileRevised revised) {
            return planned(revised.previousProfile(), revised.profile());
        }
        if (event instanceof SavingSlippedToYear slipped) {
            return moved(slipped.fromYear(), slipped.toYear(), slipped.amount());
        }
        if (event instanceof SavingBroughtForward brought) {
            return moved(brought.fromYear(), brought.toYear(), brought.amount());
        }
        if (event instanceof SavingDeliveryRecorded recorded) {
            return List.of(new SavingYearChange(recorded.year(), Total.ZERO, Total.of(recorded.amount())));
        }
        if (event instanceof SavingDeliveryCorrected corrected) {
            return List.of(new SavingYearChange(corrected.year(), Total.ZERO, Total.of(corrected.amount())));
        }
        return List.of();
    }

    /** Whether this change puts money into its year (more planned or more delivered there). */
    public boolean raises() {
        return planned.amount().signum() > 0 || delivered.amount().signum() > 0;
    }

    private static List<SavingYearChange> planned(SavingsProfile before, SavingsProfile after) {
        TreeSet<FinancialYear> years = new TreeSet<>(after.amounts().keySet());
        years.addAll(before.amounts().keySet());
        List<SavingYearChange> changes = new ArrayList<>();
        for (FinancialYear year : years) {
            Total change = Total.of(after.amountIn(year)).minus(before.amountIn(year));
            changes.add(new SavingYearChange(year, change, Total.ZERO));
        }
        return changes;
    }

    private static List<SavingYearChange> moved(FinancialYear from, FinancialYear to, Money amount) {
        return List.of(new SavingYearChange(from, Total.ZERO.minus(amount), Total.ZERO),
                new SavingYearChange(to, Total.of(amount), Total.ZERO));
    }
}
