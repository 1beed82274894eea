package org.savingsledger.query.programme;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.saving.SavingPosition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries of many programmes in two reads, whatever their number: one of the programmes' facts,
 * one of their savings' folds. Shows whatever it is given: callers pass programmes they have already
 * found visible (or that a visible committee's report covers).
 */
public final class ProgrammeSummaries {

    private ProgrammeSummaries() {
    }

    /** Summaries of the programmes that existed then, in the order given. */
    public static Map<String, ProgrammeSummary> read(HistoryStore store, List<String> programmeIds, Instant asAt,
                                                     LocalDate effectiveOn) {
        Map<String, List<String>> savingsByProgramme = new LinkedHashMap<>();
        List<String> savingIds = new ArrayList<>();
        for (String programmeId : programmeIds) {
            List<String> savings = store.savingsOf(programmeId);
            savingsByProgramme.put(programmeId, savings);
            savingIds.addAll(savings);
        }
        Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, programmeIds));
        facts.putAll(store.savingFolds(savingIds, asAt, effectiveOn));
        Map<String, ProgrammeSummary> summaries = new LinkedHashMap<>();
        for (String programmeId : programmeIds) {
            ProgrammePosition.of(programmeId, facts.get(programmeId), asAt, effectiveOn).ifPresent(programme ->
                    summaries.put(programmeId, ProgrammeSummary.of(programme,
                            SavingPosition.allOf(savingsByProgramme.get(programmeId), facts, asAt, effectiveOn))));
        }
        return summaries;
    }
}
