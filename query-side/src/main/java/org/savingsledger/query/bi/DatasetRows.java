package org.savingsledger.query.bi;

import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.query.history.EventType;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.MoneyChange;
import org.savingsledger.query.saving.SavingView;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Total;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The rows of each {@link Dataset}, values in the order of its columns. Rows are written as they are
 * built, never gathered: an extract of any size holds one programme at a time.
 */
final class DatasetRows {

    private DatasetRows() {
    }

    static void programmes(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                extract -> {
                    ProgrammeSummary p = extract.summary();
                    emit(sink, p.organisation(), p.id(), p.name(), p.firstYear(), p.lastYear(), p.savingsTarget(),
                            p.budgetApproved(), p.costDrawnDown(), p.totals().planned(), p.totals().delivered(),
                            p.totals().gapToTarget(), p.savingsCount(), p.withdrawnSavingsCount(), p.effectiveFrom(),
                            p.totals().undelivered(), p.follows() == null ? null : p.follows().value(), p.directorate(),
                            p.budgetPending());
                });
    }

    static void funding(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                extract -> {
                    ProgrammeSummary p = extract.summary();
                    p.bySource().forEach((source, line) -> emit(sink, p.organisation(), p.id(), source,
                            line.approved(), line.pending(), line.drawn()));
                });
    }

    static void savings(Extraction extraction, BiQuery query, RowSink sink) {
        eachSaving(extraction, query, (programme, saving) -> {
            SavingView s = saving.saving();
            emit(sink, programme.summary().organisation(), s.programmeId(), s.id(), s.title(), s.workstream(),
                    s.owner(), s.stage(), s.confidence(), s.rag(), s.withdrawn(), total(s.profile().values()),
                    total(s.delivered().values()), s.version(), s.effectiveFrom(), s.recurrence(), s.category(),
                    posts(s.postsPlanned().values()), posts(s.postsDelivered().values()));
        });
    }

    /** As at now every saving is one fold snapshot, whose rows {@link SavingYearRows} writes; any other programme is folded. */
    static void savingYears(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgrammeFolds(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                folds -> {
                    if (!SavingYearRows.write(folds, query.asAt(), query.effectiveOn(), sink)) {
                        savingYears(folds.extract(query.asAt(), query.effectiveOn()), sink);
                    }
                });
    }

    /** The rows of {@link #savingYears} with every programme folded: the general path, which tests compare with. */
    static void savingYearsFolded(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                programme -> savingYears(programme, sink));
    }

    private static void savingYears(ProgrammeExtract programme, RowSink sink) {
        List<FinancialYear> programmeYears = programme.summary().years().stream().map(YearLine::year).toList();
        programme.savings().forEach(saving -> savingYears(programme, programmeYears, saving, sink));
    }

    /** A saving's rows: one per year of its programme or of its own figures, in year order. */
    private static void savingYears(ProgrammeExtract programme, List<FinancialYear> programmeYears, SavingExtract saving,
                                    RowSink sink) {
        SavingView s = saving.saving();
        TreeSet<FinancialYear> years = new TreeSet<>(programmeYears);
        years.addAll(s.profile().keySet());
        years.addAll(s.delivered().keySet());
        years.addAll(s.postsPlanned().keySet());
        years.addAll(s.postsDelivered().keySet());
        for (FinancialYear year : years) {
            emit(sink, programme.summary().organisation(), s.programmeId(), s.id(), year,
                    s.profile().getOrDefault(year, Total.ZERO), s.delivered().getOrDefault(year, Total.ZERO),
                    saving.slippedIn().getOrDefault(year, Total.ZERO),
                    saving.slippedOut().getOrDefault(year, Total.ZERO), s.withdrawn(),
                    s.postsPlanned().getOrDefault(year, Fte.ZERO), s.postsDelivered().getOrDefault(year, Fte.ZERO));
        }
    }

    static void changes(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                programme -> {
                    String organisation = programme.summary().organisation();
                    for (HistoryEntry entry : programme.history()) {
                        changeRows(sink, organisation, programme.summary().id(), null, entry);
                    }
                    for (SavingExtract saving : programme.savings()) {
                        for (HistoryEntry entry : saving.history()) {
                            changeRows(sink, organisation, programme.summary().id(), saving.saving().id(), entry);
                        }
                    }
                });
    }

    static void deliveries(Extraction extraction, BiQuery query, RowSink sink) {
        eachSaving(extraction, query, (programme, saving) -> saving.history().stream()
                .filter(e -> deliveryKind(EventType.named(e.type())) != null)
                .forEach(entry -> entry.changes().forEach(change -> emit(sink, programme.summary().organisation(),
                        programme.summary().id(), saving.saving().id(), entry.version(),
                        deliveryKind(EventType.named(entry.type())),
                        FinancialYear.parse(change.year()), change.after().minus(change.before()), change.after(),
                        entry.recordedAt(), entry.effectiveDate(), entry.actor(), entry.reason(), entry.decisionRef()))));
    }

    static void slips(Extraction extraction, BiQuery query, RowSink sink) {
        eachSaving(extraction, query, (programme, saving) -> saving.history().stream()
                .filter(e -> moveKind(EventType.named(e.type())) != null)
                .forEach(entry -> {
                    MoneyChange from = entry.changes().stream().filter(c -> c.after().compareTo(c.before()) < 0)
                            .findFirst().orElseThrow();
                    MoneyChange to = entry.changes().stream().filter(c -> c.after().compareTo(c.before()) > 0)
                            .findFirst().orElseThrow();
                    emit(sink, programme.summary().organisation(), programme.summary().id(), saving.saving().id(),
                            entry.version(), moveKind(EventType.named(entry.type())),
                            FinancialYear.parse(from.year()), FinancialYear.parse(to.year()),
                            to.after().minus(to.before()), entry.recordedAt(), entry.effectiveDate(), entry.actor(),
                            entry.reason(), entry.decisionRef());
                }));
    }

    /** The {@code deliveries} row kind of a saving's fact, or null for a fact that is not a delivery. */
    private static String deliveryKind(EventType type) {
        return switch (type) {
            case SAVING_DELIVERY_RECORDED -> "DELIVERY";
            case SAVING_DELIVERY_CORRECTED -> "CORRECTION";
            case SAVING_PROPOSED, SAVING_PROFILE_REVISED, SAVING_SLIPPED_TO_YEAR, SAVING_BROUGHT_FORWARD,
                    SAVING_STAGE_CHANGED, SAVING_CONFIDENCE_CHANGED, SAVING_RAG_CHANGED, SAVING_WITHDRAWN,
                    PROGRAMME_LAUNCHED, PROGRAMME_TARGET_REVISED, PROGRAMME_BUDGET_APPROVED, PROGRAMME_COST_DRAWN_DOWN,
                    COMMITTEE_ESTABLISHED, PROGRAMME_ASSIGNED_TO_COMMITTEE, POSITION_REPORT_PRESENTED, FOLD_SNAPSHOT,
                    PROGRAMME_BUDGET_CORRECTED, PROGRAMME_COST_DRAWDOWN_CORRECTED, PROGRAMME_DETAILS_CHANGED,
                    PROGRAMME_PERIOD_CHANGED, SAVING_DETAILS_CHANGED,
                    SAVING_CLASSIFIED, SAVING_POSTS_REVISED, SAVING_POSTS_DELIVERED, SAVING_POSTS_DELIVERY_CORRECTED,
                    ORGANISATION_REGISTERED, PROGRAMME_PENDING_BUDGET_RESOLVED -> null;
        };
    }

    /** The {@code slips} row kind of a saving's fact, or null for a fact that moves no money between years. */
    private static String moveKind(EventType type) {
        return switch (type) {
            case SAVING_SLIPPED_TO_YEAR -> "SLIP";
            case SAVING_BROUGHT_FORWARD -> "BRING_FORWARD";
            case SAVING_PROPOSED, SAVING_PROFILE_REVISED, SAVING_DELIVERY_RECORDED, SAVING_DELIVERY_CORRECTED,
                    SAVING_STAGE_CHANGED, SAVING_CONFIDENCE_CHANGED, SAVING_RAG_CHANGED, SAVING_WITHDRAWN,
                    PROGRAMME_LAUNCHED, PROGRAMME_TARGET_REVISED, PROGRAMME_BUDGET_APPROVED, PROGRAMME_COST_DRAWN_DOWN,
                    COMMITTEE_ESTABLISHED, PROGRAMME_ASSIGNED_TO_COMMITTEE, POSITION_REPORT_PRESENTED, FOLD_SNAPSHOT,
                    PROGRAMME_BUDGET_CORRECTED, PROGRAMME_COST_DRAWDOWN_CORRECTED, PROGRAMME_DETAILS_CHANGED,
                    PROGRAMME_PERIOD_CHANGED, SAVING_DETAILS_CHANGED,
                    SAVING_CLASSIFIED, SAVING_POSTS_REVISED, SAVING_POSTS_DELIVERED, SAVING_POSTS_DELIVERY_CORRECTED,
                    ORGANISATION_REGISTERED, PROGRAMME_PENDING_BUDGET_RESOLVED -> null;
        };
    }

    static void committeeReports(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachCommittee(query.organisation(), query.asAt(), query.effectiveOn(), (committee, reports) ->
                reports.forEach(report -> report.programmes().stream()
                        .filter(p -> query.programmeId() == null || query.programmeId().equals(p.id()))
                        .forEach(programme -> programme.years().forEach(year -> emit(sink, committee.organisation(),
                                committee.id(), committee.name(), report.id(), report.meetingDate(), report.title(),
                                report.presentedAt(), programme.id(), year.year(), year.planned(), year.delivered(),
                                year.cumulativePlanned(), year.cumulativeDelivered(), report.figuresEffectiveOn(),
                                year.undelivered())))));
    }

    static void workstreams(Extraction extraction, BiQuery query, RowSink sink) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                programme -> programme.summary().byWorkstream().forEach((workstream, totals) -> emit(sink,
                        programme.summary().organisation(), programme.summary().id(), workstream, totals.planned(),
                        totals.delivered())));
    }

    private static void eachSaving(Extraction extraction, BiQuery query,
                                   BiConsumer<ProgrammeExtract, SavingExtract> consumer) {
        extraction.forEachProgramme(query.organisation(), query.programmeId(), query.asAt(), query.effectiveOn(),
                programme -> programme.savings().forEach(saving -> consumer.accept(programme, saving)));
    }

    private static void changeRows(RowSink sink, String organisation, String programmeId, String savingId,
                                   HistoryEntry entry) {
        for (MoneyChange change : entry.changes()) {
            emit(sink, organisation, programmeId, savingId, entry.version(), entry.type(),
                    change.year() == null ? null : FinancialYear.parse(change.year()), change.field(), change.before(),
                    change.after(), entry.recordedAt(), entry.effectiveDate(), entry.actor(), entry.reason(),
                    entry.decisionRef());
        }
    }

    private static Total total(Collection<Total> amounts) {
        return amounts.stream().reduce(Total.ZERO, Total::plus);
    }

    private static Fte posts(Collection<Fte> posts) {
        return posts.stream().reduce(Fte.ZERO, Fte::plus);
    }

    private static void emit(RowSink sink, Object... values) {
        try {
            sink.row(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
