package org.savingsledger.query.view;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The answers of the query API, as the contract shapes them (fields may be added, never renamed).
 * Money figures are {@link Total}s: what amounts add up to has no bound, though each amount has.
 */
public final class Views {

    private Views() {
    }

    /** A saving: {@code profile} is planned money per year; {@code version} the last change counted. */
    public record SavingView(String id, String programmeId, String title, String workstream, String owner,
                             String stage, String confidence, String rag, boolean withdrawn,
                             SortedMap<FinancialYear, Total> profile, SortedMap<FinancialYear, Total> delivered,
                             long version) {
    }

    /** One event of a stream with the money it moved. */
    public record HistoryEntry(long version, String type, Instant recordedAt, LocalDate effectiveDate, String actor,
                               String reason, String decisionRef, List<MoneyChange> changes) {
    }

    /** {@code year} is null for a figure that is not per year (a programme's target, budget or drawdown). */
    public record MoneyChange(String year, String field, Total before, Total after) {
    }

    public record ProgrammeSummary(String id, String organisation, String name, String description,
                                   FinancialYear firstYear, FinancialYear lastYear, Total savingsTarget,
                                   Total budgetApproved, Total costDrawnDown, List<YearLine> years, Totals totals,
                                   Map<String, Total> byConfidence, Map<String, Total> byStage,
                                   Map<String, Total> byRag, int savingsCount, int withdrawnSavingsCount) {
    }

    public record YearLine(FinancialYear year, Total planned, Total delivered, Total slippedIn, Total slippedOut,
                           Total cumulativePlanned, Total cumulativeDelivered) {
    }

    /** {@code gapToTarget} = savings target − planned. */
    public record Totals(Total planned, Total delivered, Total gapToTarget) {
    }

    public record YearPosition(FinancialYear year, String organisation, Total planned, Total delivered,
                               Total slippedIn, Total slippedOut, List<ProgrammeYear> programmes) {
    }

    public record ProgrammeYear(String programmeId, String name, Total planned, Total delivered) {
    }

    public record CommitteeView(String id, String organisation, String name, List<String> programmes,
                                List<ReportRef> reports) {
    }

    public record ReportRef(String id, LocalDate meetingDate, String title, Instant presentedAt) {
    }

    /** The figures exactly as presented: every programme as the ledger knew it at {@code presentedAt}. */
    public record ReportView(String id, String committeeId, LocalDate meetingDate, String title, Instant presentedAt,
                             List<ProgrammeSummary> programmes) {
    }

    /** What moved since a report: per programme and year, then every change recorded after it. */
    public record ReportChanges(String reportId, Instant presentedAt, Instant asAt, LocalDate effectiveOn,
                                List<ProgrammeChange> programmes, List<ChangeSince> history) {
    }

    public record ProgrammeChange(String programmeId, List<YearChange> years) {
    }

    public record YearChange(FinancialYear year, Total plannedThen, Total plannedNow, Total plannedDelta,
                             Total deliveredThen, Total deliveredNow, Total deliveredDelta) {
    }

    /** A history entry of a saving ({@code savingId} set) or of a programme ({@code savingId} null). */
    public record ChangeSince(String programmeId, String savingId, @JsonUnwrapped HistoryEntry entry) {
    }
}
