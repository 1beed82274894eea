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
import java.util.LinkedHashMap;
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
        if (organisationOf(programmeId, asAt, effectiveOn).isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = history.store().savingsOf(programmeId);
        Map<String, List<Fact>> facts = history.store().savingFolds(ids, asAt, effectiveOn);
        return Optional.of(SavingPosition.allOf(ids, facts, asAt, effectiveOn).stream().map(SavingView::of).toList());
    }

    /**
     * The organisation a programme belonged to, when it existed then: read from the programme's own facts, its
     * savings left unfolded.
     */
    public Optional<String> organisationOf(String programmeId, Instant asAt, LocalDate effectiveOn) {
        if (!history.shows(StreamKind.PROGRAMME, programmeId)) {
            return Optional.empty();
        }
        return ProgrammePosition.of(programmeId, history.store().facts(StreamKind.PROGRAMME, programmeId), asAt,
                effectiveOn).map(ProgrammePosition::organisation);
    }

    /**
     * The programme's summary and its savings from one fold of its savings (what {@link #programme} and
     * {@link #savingsOf} answer, for the price of one); empty when there is no such programme then.
     */
    public Optional<ProgrammeAndSavings> programmeAndSavings(String id, Instant asAt, LocalDate effectiveOn) {
        if (!history.shows(StreamKind.PROGRAMME, id)) {
            return Optional.empty();
        }
        List<String> ids = history.store().savingsOf(id);
        Map<String, List<Fact>> facts = new LinkedHashMap<>(history.store().facts(StreamKind.PROGRAMME, List.of(id)));
        facts.putAll(history.store().savingFolds(ids, asAt, effectiveOn));
        return ProgrammePosition.of(id, facts.get(id), asAt, effectiveOn).map(programme -> {
            List<SavingPosition> savings = SavingPosition.allOf(ids, facts, asAt, effectiveOn);
            return new ProgrammeAndSavings(ProgrammeSummary.of(programme, savings),
                    savings.stream().map(SavingView::of).toList());
        });
    }

    /** A programme's summary and its savings, as at one moment. */
    public record ProgrammeAndSavings(ProgrammeSummary summary, List<SavingView> savings) {
    }

    /** One financial year across the programmes of an organisation (of all when {@code organisation} is null). */
    public YearPosition year(FinancialYear year, String organisation, Instant asAt, LocalDate effectiveOn) {
        return YearPosition.of(year, organisation, programmes(organisation, asAt, effectiveOn));
    }
}
