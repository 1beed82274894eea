package org.savingsledger.query.saving;

import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.reading.VisibleHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A saving and its history for any instant of knowledge ({@code asAt}) and effective date
 * ({@code effectiveOn}), folded from the saving's facts (or its latest checkpoint and the facts after it).
 */
public class SavingQueries {

    private final VisibleHistory history;

    public SavingQueries(HistoryStore store, Visibility visibility) {
        this(new VisibleHistory(store, visibility));
    }

    public SavingQueries(VisibleHistory history) {
        this.history = history;
    }

    public Optional<SavingView> saving(String id, Instant asAt, LocalDate effectiveOn) {
        return position(id, asAt, effectiveOn).map(SavingView::of);
    }

    /** Every change of a saving counted as at {@code asAt} and effective by {@code effectiveOn}, oldest first. */
    public Optional<List<HistoryEntry>> history(String id, Instant asAt, LocalDate effectiveOn) {
        if (position(id, asAt, effectiveOn).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HistoryEntry.visible(history.store().facts(StreamKind.SAVING, id), asAt, effectiveOn));
    }

    /**
     * A page of {@link #history}: at most {@code limit} of its entries after version {@code after} (-1 for the first
     * page), and whether more follow.
     */
    public Optional<HistoryPage> history(String id, Instant asAt, LocalDate effectiveOn, long after, int limit) {
        // one read of the head (its bucket bounds, not its folds), then only the buckets that can hold the page's entries
        Optional<HistoryStore.SavingPage> page = history.shownHead(StreamKind.SAVING, id, HistoryStore.PAGE_HEAD_FIELDS)
                .map(head -> history.store().savingPage(head, asAt, effectiveOn, after, limit + 1))
                .filter(HistoryStore.SavingPage::proposed);
        return page.map(found -> new HistoryPage(found.facts().stream().limit(limit).map(HistoryEntry::of).toList(),
                found.facts().size() > limit));
    }

    /** Entries of a history, oldest first, and whether more follow the last of them. */
    public record HistoryPage(List<HistoryEntry> entries, boolean more) {
    }

    private Optional<SavingPosition> position(String id, Instant asAt, LocalDate effectiveOn) {
        if (!history.shows(StreamKind.SAVING, id)) {
            return Optional.empty();
        }
        return SavingPosition.of(id, history.store().savingFolds(List.of(id), asAt, effectiveOn).get(id), asAt,
                effectiveOn);
    }
}
