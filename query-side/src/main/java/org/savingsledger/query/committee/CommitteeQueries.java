package org.savingsledger.query.committee;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.programme.ProgrammeSummaries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.reading.VisibleHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Committees, the position reports presented to them with their figures as presented, and what
 * changed since a report, for any instant of knowledge ({@code asAt}) and effective date ({@code effectiveOn}).
 */
public class CommitteeQueries {

    private final VisibleHistory history;

    public CommitteeQueries(HistoryStore store, Visibility visibility) {
        this(new VisibleHistory(store, visibility));
    }

    public CommitteeQueries(VisibleHistory history) {
        this.history = history;
    }

    /** Whether {@code id} is a committee these queries show. */
    public boolean showsCommittee(String id) {
        return history.shows(StreamKind.COMMITTEE, id);
    }

    public Optional<CommitteeView> committee(String id, Instant asAt, LocalDate effectiveOn) {
        if (!showsCommittee(id)) {
            return Optional.empty();
        }
        return CommitteeView.of(id, history.store().facts(StreamKind.COMMITTEE, id).stream()
                .filter(fact -> fact.isRecordedBy(asAt)).toList(), effectiveOn);
    }

    /** The committees of an organisation shown that were established by {@code asAt}, by id. */
    public List<CommitteeView> committeesOf(String organisation, Instant asAt, LocalDate effectiveOn) {
        List<String> ids = history.ids(StreamKind.COMMITTEE, organisation);
        Map<String, List<Fact>> facts = history.store().facts(StreamKind.COMMITTEE, ids);
        return ids.stream().map(id -> CommitteeView.of(id, facts.getOrDefault(id, List.of()).stream()
                        .filter(fact -> fact.isRecordedBy(asAt)).toList(), effectiveOn))
                .flatMap(Optional::stream).toList();
    }

    /**
     * A report's figures exactly as presented: every programme as the ledger knew it at
     * {@code presentedAt}, counting changes effective by the report's {@code figuresEffectiveOn}.
     * Empty when the committee had no such report as at {@code asAt}.
     */
    public Optional<ReportView> report(String committeeId, String reportId, Instant asAt) {
        return reportFact(committeeId, reportId, asAt).map(fact -> {
            ReportRef ref = ReportRef.of(fact);
            Map<String, ProgrammeSummary> summaries = ProgrammeSummaries.read(history.store(),
                    fact.listAttribute("programmeIds"), ref.presentedAt(), ref.figuresEffectiveOn());
            return new ReportView(ref.id(), committeeId, ref.meetingDate(), ref.title(), ref.presentedAt(),
                    List.copyOf(summaries.values()), ref.figuresEffectiveOn());
        });
    }

    /** What changed since a report, as at {@code asAt} and effective by {@code effectiveOn}. */
    public Optional<ReportChanges> changesSince(String committeeId, String reportId, Instant asAt,
                                                LocalDate effectiveOn) {
        return report(committeeId, reportId, asAt).map(report -> {
            List<String> programmeIds = report.programmes().stream().map(ProgrammeSummary::id).toList();
            return ReportChanges.between(report,
                    ProgrammeSummaries.read(history.store(), programmeIds, asAt, effectiveOn), asAt, effectiveOn,
                    changesNotIn(report, programmeIds, asAt, effectiveOn));
        });
    }

    /**
     * Every change to the programmes or their savings that the report's figures do not count, in
     * recording order: recorded after it was presented, or effective after its {@code figuresEffectiveOn}
     * (a report of a past meeting loaded today does not count a budget recorded before it but effective
     * a year after the meeting).
     */
    private List<ChangeSince> changesNotIn(ReportView report, List<String> programmeIds, Instant asAt,
                                           LocalDate effectiveOn) {
        Instant presentedAt = report.presentedAt();
        LocalDate figuresEffectiveOn = report.figuresEffectiveOn();
        HistoryStore store = history.store();
        Map<String, String> programmeOf = new LinkedHashMap<>();
        List<String> savingIds = new ArrayList<>();
        for (String programmeId : programmeIds) {
            programmeOf.put(programmeId, programmeId);
            store.savingsOf(programmeId).forEach(saving -> {
                programmeOf.put(saving, programmeId);
                savingIds.add(saving);
            });
        }
        Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, programmeIds));
        facts.putAll(store.facts(StreamKind.SAVING, savingIds));
        List<ChangeSince> changes = new ArrayList<>();
        facts.forEach((stream, streamFacts) -> streamFacts.stream()
                .filter(fact -> (fact.recordedAt().isAfter(presentedAt) || !fact.isEffectiveBy(figuresEffectiveOn))
                        && fact.isVisible(asAt, effectiveOn))
                .forEach(fact -> changes.add(new ChangeSince(programmeOf.get(stream),
                        programmeIds.contains(stream) ? null : stream, HistoryEntry.of(fact)))));
        changes.sort(Comparator.comparing((ChangeSince c) -> c.entry().recordedAt())
                .thenComparing(c -> c.savingId() == null ? "" : c.savingId())
                .thenComparingLong(c -> c.entry().version()));
        return changes;
    }

    /** When a report of a committee these queries show was presented (recorded); empty for no such report. */
    public Optional<Instant> presented(String committeeId, String reportId) {
        return reportFact(committeeId, reportId, Instant.MAX).map(Fact::recordedAt);
    }

    private Optional<Fact> reportFact(String committeeId, String reportId, Instant asAt) {
        if (!showsCommittee(committeeId)) {
            return Optional.empty();
        }
        return history.store().facts(StreamKind.COMMITTEE, committeeId).stream()
                .filter(fact -> reportId.equals(fact.attribute("reportId")) && !fact.recordedAt().isAfter(asAt))
                .findFirst();
    }
}
