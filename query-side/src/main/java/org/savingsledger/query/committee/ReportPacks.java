package org.savingsledger.query.committee;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.FactTypes;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.VisibleHistory;
import org.savingsledger.query.saving.SavingPosition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of committee packs. Everything is read from facts recorded by the report's
 * {@code presentedAt}, so a pack, like the report, is the same whenever it is asked for.
 */
public class ReportPacks {

    private final VisibleHistory history;
    private final CommitteeQueries committees;

    public ReportPacks(VisibleHistory history) {
        this.history = history;
        this.committees = new CommitteeQueries(history);
    }

    /** The committee queries over the same read models, for telling why a pack is not there. */
    public CommitteeQueries committees() {
        return committees;
    }

    /** Empty exactly when {@link CommitteeQueries#report} is: no such report of a committee shown, as at {@code asAt}. */
    public Optional<ReportPack> pack(String committeeId, String reportId, Instant asAt) {
        return committees.report(committeeId, reportId, asAt).map(report -> {
            HistoryStore store = history.store();
            List<Fact> committeeFacts = store.facts(StreamKind.COMMITTEE, committeeId);
            String name = committeeFacts.stream().filter(FactTypes::opensCommittee).findFirst()
                    .map(fact -> fact.attribute("name")).orElse(committeeId);
            ReportRef previous = null;
            for (Fact fact : committeeFacts) {
                if (FactTypes.presentsReport(fact)) {
                    if (reportId.equals(fact.attribute("reportId"))) {
                        break;
                    }
                    previous = ReportRef.of(fact);
                }
            }
            List<String> programmeIds = report.programmes().stream().map(ProgrammeSummary::id).toList();
            return new ReportPack(name, report, savingsAsPresented(report, programmeIds), previous,
                    changesBetween(programmeIds, previous == null ? null : previous.presentedAt(), report.presentedAt()));
        });
    }

    /** Each programme's savings proposed by the presentation, in proposal order, folded as the report's figures are. */
    private Map<String, List<SavingPosition>> savingsAsPresented(ReportView report, List<String> programmeIds) {
        HistoryStore store = history.store();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        programmeIds.forEach(programmeId -> {
            ids.put(programmeId, store.savingsOf(programmeId));
            all.addAll(ids.get(programmeId));
        });
        Map<String, List<Fact>> folds = store.savingFolds(all, report.presentedAt(), report.figuresEffectiveOn());
        Map<String, List<SavingPosition>> savings = new LinkedHashMap<>();
        ids.forEach((programmeId, savingIds) -> savings.put(programmeId,
                SavingPosition.allOf(savingIds, folds, report.presentedAt(), report.figuresEffectiveOn())));
        return savings;
    }

    /**
     * Every fact of the programmes and their savings recorded after {@code after} (from the beginning when
     * null) and by {@code upTo}, whatever its effective date, in recording order.
     */
    private List<ChangeSince> changesBetween(List<String> programmeIds, Instant after, Instant upTo) {
        HistoryStore store = history.store();
        Map<String, String> programmeOf = new LinkedHashMap<>();
        List<String> savingIds = new ArrayList<>();
        for (String programmeId : programmeIds) {
            store.savingsOf(programmeId).forEach(saving -> {
                programmeOf.put(saving, programmeId);
                savingIds.add(saving);
            });
        }
        Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, programmeIds));
        facts.putAll(store.facts(StreamKind.SAVING, savingIds));
        List<ChangeSince> changes = new ArrayList<>();
        facts.forEach((stream, streamFacts) -> streamFacts.stream()
                .filter(fact -> (after == null || fact.recordedAt().isAfter(after)) && fact.isRecordedBy(upTo))
                .forEach(fact -> changes.add(new ChangeSince(programmeOf.getOrDefault(stream, stream),
                        programmeOf.containsKey(stream) ? stream : null, HistoryEntry.of(fact)))));
        changes.sort(Comparator.comparing((ChangeSince c) -> c.entry().recordedAt())
                .thenComparing(c -> c.savingId() == null ? "" : c.savingId())
                .thenComparingLong(c -> c.entry().version()));
        return changes;
    }
}
