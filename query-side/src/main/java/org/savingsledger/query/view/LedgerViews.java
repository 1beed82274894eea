package org.savingsledger.query.view;

import org.bson.Document;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.view.Views.ChangeSince;
import org.savingsledger.query.view.Views.CommitteeView;
import org.savingsledger.query.view.Views.HistoryEntry;
import org.savingsledger.query.view.Views.MoneyChange;
import org.savingsledger.query.view.Views.ProgrammeChange;
import org.savingsledger.query.view.Views.ProgrammeSummary;
import org.savingsledger.query.view.Views.ProgrammeYear;
import org.savingsledger.query.view.Views.ReportChanges;
import org.savingsledger.query.view.Views.ReportRef;
import org.savingsledger.query.view.Views.ReportView;
import org.savingsledger.query.view.Views.SavingView;
import org.savingsledger.query.view.Views.Totals;
import org.savingsledger.query.view.Views.YearChange;
import org.savingsledger.query.view.Views.YearLine;
import org.savingsledger.query.view.Views.YearPosition;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Stage;
import org.savingsledger.web.access.OrganisationScope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.TreeSet;

/**
 * Answers every query of the contract for any instant of knowledge ({@code asAt}) and effective
 * date ({@code effectiveOn}) by folding the facts of the streams it needs, read by id from the
 * {@link HistoryStore}. Nothing here depends on how many events the store holds in all. An instance
 * reads the generations of the read models its store is pinned to: take one per request from
 * {@link LedgerViewsSource}.
 */
public class LedgerViews {

    /** Committee reports and "effective today" are reckoned in the councils' own time zone. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Money with no savings under it yet, and the order of the by-stage/confidence/RAG keys. */
    private static final String NOT_SET = "NOT_SET";

    private final HistoryStore store;
    /** The organisations whose data these views show. */
    private final OrganisationScope organisations;

    /** Views of the organisations in scope only: anything of another organisation is as if it did not exist. */
    public LedgerViews(HistoryStore store, OrganisationScope organisations) {
        this.store = store;
        this.organisations = Objects.requireNonNull(organisations, "organisations");
    }

    public Optional<SavingView> saving(String id, Instant asAt, LocalDate effectiveOn) {
        return savingPosition(id, asAt, effectiveOn).map(LedgerViews::view);
    }

    /** Every change of a saving counted as at {@code asAt} and effective by {@code effectiveOn}, oldest first. */
    public Optional<List<HistoryEntry>> savingHistory(String id, Instant asAt, LocalDate effectiveOn) {
        if (savingPosition(id, asAt, effectiveOn).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.facts(StreamKind.SAVING, id).stream().filter(fact -> fact.isVisible(asAt, effectiveOn))
                .map(LedgerViews::entry).toList());
    }

    public Optional<ProgrammeSummary> programme(String id, Instant asAt, LocalDate effectiveOn) {
        if (!isKind(id, StreamKind.PROGRAMME)) {
            return Optional.empty();
        }
        return Optional.ofNullable(summaries(List.of(id), asAt, effectiveOn).get(id));
    }

    /** Programmes of one organisation, or of all when {@code organisation} is null, ordered by id. */
    public List<ProgrammeSummary> programmes(String organisation, Instant asAt, LocalDate effectiveOn) {
        return List.copyOf(summaries(programmeIds(organisation), asAt, effectiveOn).values());
    }

    public Optional<List<SavingView>> savingsOf(String programmeId, Instant asAt, LocalDate effectiveOn) {
        if (programme(programmeId, asAt, effectiveOn).isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = store.savingsOf(programmeId);
        Map<String, List<Fact>> facts = store.savingFolds(ids, asAt, effectiveOn);
        return Optional.of(ids.stream()
                .flatMap(id -> SavingPosition.of(id, facts.get(id), asAt, effectiveOn).stream())
                .map(LedgerViews::view).toList());
    }

    public YearPosition year(FinancialYear year, String organisation, Instant asAt, LocalDate effectiveOn) {
        List<ProgrammeYear> lines = new ArrayList<>();
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        Total slippedIn = Total.ZERO;
        Total slippedOut = Total.ZERO;
        for (ProgrammeSummary summary : programmes(organisation, asAt, effectiveOn)) {
            YearLine line = summary.years().stream().filter(y -> y.year().equals(year)).findFirst().orElse(null);
            if (line == null) {
                continue;
            }
            lines.add(new ProgrammeYear(summary.id(), summary.name(), line.planned(), line.delivered()));
            planned = planned.plus(line.planned());
            delivered = delivered.plus(line.delivered());
            slippedIn = slippedIn.plus(line.slippedIn());
            slippedOut = slippedOut.plus(line.slippedOut());
        }
        return new YearPosition(year, organisation, planned, delivered, slippedIn, slippedOut, lines);
    }

    public Optional<CommitteeView> committee(String id, Instant asAt, LocalDate effectiveOn) {
        if (!isKind(id, StreamKind.COMMITTEE)) {
            return Optional.empty();
        }
        List<Fact> visible = store.facts(StreamKind.COMMITTEE, id).stream().filter(fact -> fact.isVisible(asAt, effectiveOn)).toList();
        Fact established = visible.stream().filter(f -> "CommitteeEstablished".equals(f.type())).findFirst().orElse(null);
        if (established == null) {
            return Optional.empty();
        }
        List<String> programmes = visible.stream().map(f -> f.attribute("programmeId"))
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<ReportRef> reports = visible.stream().filter(f -> "PositionReportPresented".equals(f.type()))
                .map(LedgerViews::reportRef).toList();
        return Optional.of(new CommitteeView(id, established.attribute("organisation"), established.attribute("name"),
                programmes, reports));
    }

    /**
     * A report's figures exactly as presented: every programme as the ledger knew it at
     * {@code presentedAt}, counting changes effective by that day. Empty when the committee had no
     * such report as at {@code asAt}.
     */
    public Optional<ReportView> report(String committeeId, String reportId, Instant asAt) {
        return reportFact(committeeId, reportId, asAt).map(fact -> {
            ReportRef ref = reportRef(fact);
            Map<String, ProgrammeSummary> summaries = summaries(fact.listAttribute("programmeIds"),
                    ref.presentedAt(), LocalDate.parse(fact.attribute("figuresEffectiveOn")));
            return new ReportView(ref.id(), committeeId, ref.meetingDate(), ref.title(), ref.presentedAt(),
                    List.copyOf(summaries.values()));
        });
    }

    /** What changed since a report, as at {@code asAt} and effective by {@code effectiveOn}. */
    public Optional<ReportChanges> changesSince(String committeeId, String reportId, Instant asAt,
                                                LocalDate effectiveOn) {
        return report(committeeId, reportId, asAt).map(report -> {
            List<String> programmeIds = report.programmes().stream().map(ProgrammeSummary::id).toList();
            Map<String, ProgrammeSummary> now = summaries(programmeIds, asAt, effectiveOn);
            List<ProgrammeChange> programmes = new ArrayList<>();
            for (ProgrammeSummary then : report.programmes()) {
                programmes.add(new ProgrammeChange(then.id(), yearChanges(then, now.get(then.id()))));
            }
            return new ReportChanges(report.id(), report.presentedAt(), asAt, effectiveOn, programmes,
                    changesAfter(programmeIds, report.presentedAt(), asAt, effectiveOn));
        });
    }

    /** A programme with everything an extract needs of it, built one programme at a time. */
    public record ProgrammeExtract(ProgrammeSummary summary, List<SavingExtract> savings, List<HistoryEntry> history) {
    }

    /**
     * A saving with the money slipped into and out of each year, and its history — read from the
     * store when asked for, so an extract holds one saving's history at a time.
     */
    public record SavingExtract(SavingView saving, SortedMap<FinancialYear, Total> slippedIn,
                                SortedMap<FinancialYear, Total> slippedOut, Supplier<List<HistoryEntry>> historyReader) {

        public List<HistoryEntry> history() {
            return historyReader.get();
        }
    }

    /**
     * Hands over every programme (of one organisation, or only {@code programmeId}, or all), ordered by
     * id, one at a time: memory holds one programme, its savings' positions (folded from their
     * checkpoints) and at most one saving's history, however large the ledger and its histories.
     */
    public void forEachProgramme(String organisation, String programmeId, Instant asAt, LocalDate effectiveOn,
                                 Consumer<ProgrammeExtract> consumer) {
        List<String> programmeIds = programmeId != null
                ? (isKind(programmeId, StreamKind.PROGRAMME) ? List.of(programmeId) : List.of())
                : programmeIds(organisation);
        for (String id : programmeIds) {
            List<String> savingIds = store.savingsOf(id);
            Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, List.of(id)));
            facts.putAll(store.savingFolds(savingIds, asAt, effectiveOn));
            Optional<ProgrammePosition> programme = ProgrammePosition.of(id, facts.get(id), asAt, effectiveOn);
            if (programme.isEmpty() || (organisation != null && !organisation.equals(programme.get().organisation()))) {
                continue;
            }
            List<SavingPosition> positions = savingIds.stream()
                    .flatMap(saving -> SavingPosition.of(saving, facts.get(saving), asAt, effectiveOn).stream()).toList();
            List<SavingExtract> savings = positions.stream().map(position -> new SavingExtract(view(position),
                    position.slippedIn(), position.slippedOut(),
                    () -> visibleHistory(store.facts(StreamKind.SAVING, position.id()), asAt, effectiveOn)))
                    .toList();
            consumer.accept(new ProgrammeExtract(summarise(programme.get(), positions), savings,
                    visibleHistory(facts.get(id), asAt, effectiveOn)));
        }
    }

    /** Hands over every committee (of one organisation, or all) with its reports as presented, ordered by id. */
    public void forEachCommittee(String organisation, Instant asAt, LocalDate effectiveOn,
                                 BiConsumer<CommitteeView, List<ReportView>> consumer) {
        List<Document> heads = organisation == null
                ? store.heads(StreamKind.COMMITTEE) : store.heads(StreamKind.COMMITTEE, organisation);
        for (Document head : heads) {
            if (!organisations.includes(head.getString("organisation"))) {
                continue;
            }
            String id = head.getString("_id");
            committee(id, asAt, effectiveOn).ifPresent(committee -> consumer.accept(committee, committee.reports().stream()
                    .flatMap(report -> report(id, report.id(), asAt).stream()).toList()));
        }
    }

    private static List<HistoryEntry> visibleHistory(List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        return facts.stream().filter(fact -> fact.isVisible(asAt, effectiveOn)).map(LedgerViews::entry).toList();
    }

    // ---------------------------------------------------------------------------------------------

    private Optional<SavingPosition> savingPosition(String id, Instant asAt, LocalDate effectiveOn) {
        if (!isKind(id, StreamKind.SAVING)) {
            return Optional.empty();
        }
        return SavingPosition.of(id, store.savingFolds(List.of(id), asAt, effectiveOn).get(id), asAt, effectiveOn);
    }

    /** Whether {@code id} is a committee these views show. */
    public boolean showsCommittee(String id) {
        return isKind(id, StreamKind.COMMITTEE);
    }

    /** Whether {@code id} is of that kind and belongs to an organisation these views show. */
    private boolean isKind(String id, StreamKind kind) {
        return store.head(kind, id).filter(head -> organisations.includes(organisationOf(kind, head))).isPresent();
    }

    private String organisationOf(StreamKind kind, Document head) {
        if (kind != StreamKind.SAVING) {
            return head.getString("organisation");
        }
        return store.head(StreamKind.PROGRAMME, head.getString("programmeId"))
                .map(programme -> programme.getString("organisation")).orElse(null);
    }

    private List<String> programmeIds(String organisation) {
        List<Document> heads = organisation == null
                ? store.heads(StreamKind.PROGRAMME) : store.heads(StreamKind.PROGRAMME, organisation);
        return heads.stream().filter(head -> organisations.includes(head.getString("organisation")))
                .map(head -> head.getString("_id")).toList();
    }

    /** The facts of some programmes and savings: two reads of each kind's collections. */
    private Map<String, List<Fact>> facts(List<String> programmeIds, List<String> savingIds) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>(store.facts(StreamKind.PROGRAMME, programmeIds));
        facts.putAll(store.facts(StreamKind.SAVING, savingIds));
        return facts;
    }

    /** Summaries of the programmes that existed then, in the order given; two reads for all of them. */
    private Map<String, ProgrammeSummary> summaries(List<String> programmeIds, Instant asAt, LocalDate effectiveOn) {
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
            ProgrammePosition.of(programmeId, facts.get(programmeId), asAt, effectiveOn).ifPresent(programme -> {
                List<SavingPosition> savings = savingsByProgramme.get(programmeId).stream()
                        .flatMap(id -> SavingPosition.of(id, facts.get(id), asAt, effectiveOn).stream())
                        .toList();
                summaries.put(programmeId, summarise(programme, savings));
            });
        }
        return summaries;
    }

    private static ProgrammeSummary summarise(ProgrammePosition programme, List<SavingPosition> savings) {
        TreeSet<FinancialYear> years = new TreeSet<>(FinancialYear.rangeClosed(programme.firstYear(), programme.lastYear()));
        savings.forEach(saving -> {
            years.addAll(saving.planned().keySet());
            years.addAll(saving.delivered().keySet());
        });
        List<YearLine> lines = new ArrayList<>();
        Total cumulativePlanned = Total.ZERO;
        Total cumulativeDelivered = Total.ZERO;
        for (FinancialYear year : years) {
            Total planned = sum(savings, s -> s.plannedIn(year));
            Total delivered = sum(savings, s -> SavingPosition.amountIn(s.delivered(), year));
            cumulativePlanned = cumulativePlanned.plus(planned);
            cumulativeDelivered = cumulativeDelivered.plus(delivered);
            lines.add(new YearLine(year, planned, delivered,
                    sum(savings, s -> SavingPosition.amountIn(s.slippedIn(), year)),
                    sum(savings, s -> SavingPosition.amountIn(s.slippedOut(), year)),
                    cumulativePlanned, cumulativeDelivered));
        }
        Map<String, Total> byConfidence = keys(Confidence.values());
        Map<String, Total> byStage = keys(Stage.values());
        Map<String, Total> byRag = keys(Rag.values());
        byRag.put(NOT_SET, Total.ZERO);
        int active = 0;
        for (SavingPosition saving : savings) {
            if (saving.withdrawn()) {
                continue;
            }
            active++;
            Total planned = saving.plannedTotal();
            byConfidence.merge(saving.confidence(), planned, Total::plus);
            byStage.merge(saving.stage(), planned, Total::plus);
            byRag.merge(saving.rag() == null ? NOT_SET : saving.rag(), planned, Total::plus);
        }
        Totals totals = new Totals(cumulativePlanned, cumulativeDelivered,
                programme.savingsTarget().minus(cumulativePlanned));
        return new ProgrammeSummary(programme.id(), programme.organisation(), programme.name(),
                programme.description(), programme.firstYear(), programme.lastYear(), programme.savingsTarget(),
                programme.budgetApproved(), programme.costDrawnDown(), lines, totals, byConfidence, byStage, byRag,
                active, savings.size() - active);
    }

    private static List<YearChange> yearChanges(ProgrammeSummary then, ProgrammeSummary now) {
        Map<FinancialYear, YearLine> thenByYear = new LinkedHashMap<>();
        then.years().forEach(line -> thenByYear.put(line.year(), line));
        Map<FinancialYear, YearLine> nowByYear = new LinkedHashMap<>();
        if (now != null) {
            now.years().forEach(line -> nowByYear.put(line.year(), line));
        }
        TreeSet<FinancialYear> years = new TreeSet<>(thenByYear.keySet());
        years.addAll(nowByYear.keySet());
        List<YearChange> changes = new ArrayList<>();
        for (FinancialYear year : years) {
            YearLine before = thenByYear.get(year);
            YearLine after = nowByYear.get(year);
            Total plannedThen = before == null ? Total.ZERO : before.planned();
            Total plannedNow = after == null ? Total.ZERO : after.planned();
            Total deliveredThen = before == null ? Total.ZERO : before.delivered();
            Total deliveredNow = after == null ? Total.ZERO : after.delivered();
            changes.add(new YearChange(year, plannedThen, plannedNow, plannedNow.minus(plannedThen),
                    deliveredThen, deliveredNow, deliveredNow.minus(deliveredThen)));
        }
        return changes;
    }

    private List<ChangeSince> changesAfter(List<String> programmeIds, Instant presentedAt, Instant asAt,
                                           LocalDate effectiveOn) {
        Map<String, String> programmeOf = new LinkedHashMap<>();
        List<String> savingIds = new ArrayList<>();
        for (String programmeId : programmeIds) {
            programmeOf.put(programmeId, programmeId);
            store.savingsOf(programmeId).forEach(saving -> {
                programmeOf.put(saving, programmeId);
                savingIds.add(saving);
            });
        }
        List<ChangeSince> changes = new ArrayList<>();
        facts(programmeIds, savingIds).forEach((stream, facts) -> facts.stream()
                .filter(fact -> fact.recordedAt().isAfter(presentedAt) && fact.isVisible(asAt, effectiveOn))
                .forEach(fact -> changes.add(new ChangeSince(programmeOf.get(stream),
                        programmeIds.contains(stream) ? null : stream, entry(fact)))));
        changes.sort(Comparator.comparing((ChangeSince c) -> c.entry().recordedAt())
                .thenComparing(c -> c.savingId() == null ? "" : c.savingId())
                .thenComparingLong(c -> c.entry().version()));
        return changes;
    }

    private Optional<Fact> reportFact(String committeeId, String reportId, Instant asAt) {
        if (!isKind(committeeId, StreamKind.COMMITTEE)) {
            return Optional.empty();
        }
        return store.facts(StreamKind.COMMITTEE, committeeId).stream()
                .filter(fact -> reportId.equals(fact.attribute("reportId")) && !fact.recordedAt().isAfter(asAt))
                .findFirst();
    }

    private static ReportRef reportRef(Fact fact) {
        return new ReportRef(fact.attribute("reportId"), LocalDate.parse(fact.attribute("meetingDate")),
                fact.attribute("title"), Instant.parse(fact.attribute("presentedAt")));
    }

    private static SavingView view(SavingPosition saving) {
        return new SavingView(saving.id(), saving.programmeId(), saving.title(), saving.workstream(), saving.owner(),
                saving.stage(), saving.confidence(), saving.rag(), saving.withdrawn(), saving.planned(),
                saving.delivered(), saving.version());
    }

    private static HistoryEntry entry(Fact fact) {
        return new HistoryEntry(fact.version(), fact.type(), fact.recordedAt(), fact.effectiveDate(), fact.actor(),
                fact.reason(), fact.decisionRef(), fact.changes().stream()
                .map(c -> new MoneyChange(c.year(), c.field(), Total.of(c.before()), Total.of(c.after()))).toList());
    }

    private static Total sum(List<SavingPosition> savings, java.util.function.Function<SavingPosition, Total> figure) {
        return savings.stream().map(figure).reduce(Total.ZERO, Total::plus);
    }

    private static <E extends Enum<E>> Map<String, Total> keys(E[] values) {
        Map<String, Total> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(value.name(), Total.ZERO);
        }
        return map;
    }

}
