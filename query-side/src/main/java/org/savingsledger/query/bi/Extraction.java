package org.savingsledger.query.bi;

import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.CommitteeView;
import org.savingsledger.query.committee.ReportView;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.programme.ProgrammePosition;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.reading.VisibleHistory;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.query.saving.SavingView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the BI datasets are built from, handed over one programme (or committee) at a time in id
 * order: memory holds one programme, its savings' positions (folded from their checkpoints) and at
 * most one saving's history, however large the ledger and its histories.
 */
public class Extraction {

    private final VisibleHistory history;

    public Extraction(HistoryStore store, Visibility visibility) {
        this(new VisibleHistory(store, visibility));
    }

    public Extraction(VisibleHistory history) {
        this.history = history;
    }

    /** Hands over every programme (of one organisation, or only {@code programmeId}, or all), ordered by id. */
    public void forEachProgramme(String organisation, String programmeId, Instant asAt, LocalDate effectiveOn,
                                 Consumer<ProgrammeExtract> consumer) {
        forEachProgrammeFolds(organisation, programmeId, asAt, effectiveOn,
                folds -> consumer.accept(folds.extract(asAt, effectiveOn)));
    }

    /**
     * Hands over every programme as {@link #forEachProgramme} selects them, before anything is folded
     * but the programme's own position: its savings' ids in the order they were proposed and what
     * {@link HistoryStore#savingFolds} read of their facts (as at now, usually one fold snapshot each).
     */
    void forEachProgrammeFolds(String organisation, String programmeId, Instant asAt, LocalDate effectiveOn,
                               Consumer<ProgrammeFolds> consumer) {
        HistoryStore store = history.store();
        for (String id : programmeIds(organisation, programmeId)) {
            List<String> savingIds = store.savingsOf(id);
            Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, List.of(id)));
            facts.putAll(store.savingFolds(savingIds, asAt, effectiveOn));
            Optional<ProgrammePosition> programme = ProgrammePosition.of(id, facts.get(id), asAt, effectiveOn);
            if (programme.isEmpty() || (organisation != null
                    && !organisation.equalsIgnoreCase(programme.get().organisation().strip()))) {
                continue;
            }
            consumer.accept(new ProgrammeFolds(store, programme.get(), savingIds, facts));
        }
    }

    /** A programme's position, its savings' ids and the facts read for the fold (the programme's own under its id). */
    record ProgrammeFolds(HistoryStore store, ProgrammePosition programme, List<String> savingIds,
                          Map<String, List<Fact>> facts) {

        /** Everything an extract needs of the programme: its summary, its savings' positions and its history. */
        ProgrammeExtract extract(Instant asAt, LocalDate effectiveOn) {
            List<SavingPosition> positions = SavingPosition.allOf(savingIds, facts, asAt, effectiveOn);
            List<SavingExtract> savings = positions.stream().map(position -> new SavingExtract(SavingView.of(position),
                    position.slippedIn(), position.slippedOut(),
                    () -> HistoryEntry.visible(store.facts(StreamKind.SAVING, position.id()), asAt, effectiveOn)))
                    .toList();
            return new ProgrammeExtract(ProgrammeSummary.of(programme, positions), savings,
                    HistoryEntry.visible(facts.get(programme.id()), asAt, effectiveOn));
        }
    }

    /**
     * The programmes of a selection that the ledger first recorded only after {@code asAt}: an extract
     * as at that instant leaves them out, and says so rather than serving fewer rows in silence.
     * Reads the first bucket of every programme selected.
     */
    public Optional<NotYetRecorded> notYetRecorded(String organisation, String programmeId, Instant asAt) {
        List<Instant> later = history.store().firstRecorded(StreamKind.PROGRAMME, programmeIds(organisation, programmeId))
                .values().stream().filter(recorded -> recorded.isAfter(asAt)).sorted().toList();
        return later.isEmpty() ? Optional.empty() : Optional.of(new NotYetRecorded(later.size(), later.get(0)));
    }

    /** How many programmes of a selection were first recorded after an instant, and the first of those instants. */
    public record NotYetRecorded(int programmes, Instant firstRecordedAt) {
    }

    private List<String> programmeIds(String organisation, String programmeId) {
        return programmeId != null
                ? (history.shows(StreamKind.PROGRAMME, programmeId) ? List.of(programmeId) : List.of())
                : history.ids(StreamKind.PROGRAMME, organisation);
    }

    /** Hands over every committee (of one organisation, or all) with its reports as presented, ordered by id. */
    public void forEachCommittee(String organisation, Instant asAt, LocalDate effectiveOn,
                                 BiConsumer<CommitteeView, List<ReportView>> consumer) {
        CommitteeQueries committees = new CommitteeQueries(history);
        for (String id : history.ids(StreamKind.COMMITTEE, organisation)) {
            committees.committee(id, asAt, effectiveOn).ifPresent(committee -> consumer.accept(committee,
                    committee.reports().stream()
                            .flatMap(report -> committees.report(id, report.id(), asAt).stream()).toList()));
        }
    }
}
