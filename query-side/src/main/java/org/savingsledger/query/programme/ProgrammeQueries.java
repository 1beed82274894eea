package org.savingsledger.query.programme;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.reading.VisibleHistory;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.FinancialYear;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programme summaries, a programme's savings and one year across programmes, for any instant of
 * knowledge ({@code asAt}) and effective date ({@code effectiveOn}).
 */
public class ProgrammeQueries {

    private final VisibleHistory history;

    public ProgrammeQueries(HistoryStore store, Visibility visibility) {
        this(new VisibleHistory(store, visibility));
    }

    public ProgrammeQueries(VisibleHistory history) {
        this.history = history;
    }

    public Optional<ProgrammeSummary> programme(String id, Instant asAt, LocalDate effectiveOn) {
        if (!history.shows(StreamKind.PROGRAMME, id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ProgrammeSummaries.read(history.store(), List.of(id), asAt, effectiveOn).get(id));
    }

    /** Programmes of one organisation, or of all when {@code organisation} is null, ordered by id. */
    public List<ProgrammeSummary> programmes(String organisation, Instant asAt, LocalDate effectiveOn) {
        return List.copyOf(ProgrammeSummaries.read(history.store(), history.ids(StreamKind.PROGRAMME, organisation),
                asAt, effectiveOn).values());
    }

    /** The programme's savings in the order they were proposed; empty when there is no such programme then. */
    public Optional<List<SavingView>> savingsOf(String programmeId, Instant asAt, LocalDate effectiveOn) {
        if (programme(programmeId, asAt, effectiveOn).isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = history.store().savingsOf(programmeId);
        Map<String, List<Fact>> facts = history.store().savingFolds(ids, asAt, effectiveOn);
        return Optional.of(SavingPosition.allOf(ids, facts, asAt, effectiveOn).stream().map(SavingView::of).toList());
    }

    /** One financial year across the programmes of an organisation (of all when {@code organisation} is null). */
    public YearPosition year(FinancialYear year, String organisation, Instant asAt, LocalDate effectiveOn) {
        return YearPosition.of(year, organisation, programmes(organisation, asAt, effectiveOn));
    }
}
