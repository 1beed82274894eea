package org.savingsledger.query.bi;

import org.savingsledger.query.history.EventType;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.programme.ProgrammePosition;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Total;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code saving_years} rows of a programme whose savings are each one visible fold snapshot: what
 * {@code HistoryStore.savingFolds} reads for the usual extract, as at now, where every saving is its head's
 * running fold. Its figures are written per year straight from the snapshot, without folding a position,
 * a view and the programme's summary for each saving (about a third of such an extract's CPU), with the
 * same values in the same order: the programme's years are its period and every year any of its savings
 * plans or delivers money or posts in, each saving has a row for each of them, in year order, and each
 * figure is the sum of the snapshot's changes to it, as {@code SavingPosition.of} sums them. A programme
 * with any other saving (a fold from a checkpoint and later facts, as at an earlier instant or effective
 * date) is left to the general path; a test holds both paths to the same bytes.
 */
final class SavingYearRows {

    private SavingYearRows() {
    }

    /**
     * Writes the programme's rows and answers true, or answers false having written nothing when a saving
     * of it is not one visible fold snapshot.
     */
    static boolean write(Extraction.ProgrammeFolds folds, Instant asAt, LocalDate effectiveOn, RowSink sink) {
        List<Figures> savings = new ArrayList<>(folds.savingIds().size());
        for (String id : folds.savingIds()) {
            List<Fact> facts = folds.facts().get(id);
            if (facts == null || facts.isEmpty()) {
                continue; // never proposed (no head): no position, no rows
            }
            if (facts.size() != 1 || facts.get(0).eventType() != EventType.FOLD_SNAPSHOT
                    || !facts.get(0).isVisible(asAt, effectiveOn)) {
                return false;
            }
            savings.add(new Figures(id, facts.get(0)));
        }
        ProgrammePosition programme = folds.programme();
        TreeSet<FinancialYear> years = new TreeSet<>(FinancialYear.rangeClosed(programme.firstYear(), programme.lastYear()));
        for (Figures saving : savings) {
            years.addAll(saving.planned.keySet());
            years.addAll(saving.delivered.keySet());
            years.addAll(saving.postsPlanned.keySet());
            years.addAll(saving.postsDelivered.keySet());
        }
        try {
            for (Figures saving : savings) {
                for (FinancialYear year : years) {
                    sink.row(programme.organisation(), saving.programmeId, saving.id, year,
                            saving.planned.getOrDefault(year, Total.ZERO), saving.delivered.getOrDefault(year, Total.ZERO),
                            saving.slippedIn.getOrDefault(year, Total.ZERO), saving.slippedOut.getOrDefault(year, Total.ZERO),
                            saving.withdrawn, saving.postsPlanned.getOrDefault(year, Fte.ZERO),
                            saving.postsDelivered.getOrDefault(year, Fte.ZERO));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** A saving's figures per year from its fold snapshot: each the sum of the snapshot's changes to it. */
    private static final class Figures {

        final String id;
        final String programmeId;
        final Boolean withdrawn;
        final Map<FinancialYear, Total> planned = new HashMap<>();
        final Map<FinancialYear, Total> delivered = new HashMap<>();
        final Map<FinancialYear, Total> slippedIn = new HashMap<>();
        final Map<FinancialYear, Total> slippedOut = new HashMap<>();
        final Map<FinancialYear, Fte> postsPlanned = new HashMap<>();
        final Map<FinancialYear, Fte> postsDelivered = new HashMap<>();

        Figures(String id, Fact snapshot) {
            this.id = id;
            this.programmeId = snapshot.attribute("programmeId");
            this.withdrawn = "true".equals(snapshot.attribute("withdrawn"));
            for (Fact.Change change : snapshot.changes()) {
                FinancialYear year = FinancialYear.parse(change.year());
                switch (change.field()) {
                    case SavingHistoryProjection.POSTS_PLANNED -> postsPlanned.merge(year, Fte.of(change.delta()), Fte::plus);
                    case SavingHistoryProjection.POSTS_DELIVERED -> postsDelivered.merge(year, Fte.of(change.delta()), Fte::plus);
                    case "planned" -> planned.merge(year, Total.of(change.delta()), Total::plus);
                    case "slippedIn" -> slippedIn.merge(year, Total.of(change.delta()), Total::plus);
                    case "slippedOut" -> slippedOut.merge(year, Total.of(change.delta()), Total::plus);
                    default -> delivered.merge(year, Total.of(change.delta()), Total::plus);
                }
            }
        }
    }
}
