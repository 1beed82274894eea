package org.savingsledger.query.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.shared.Total;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event of a stream with the money it moved: a saving's history, a report's changes, the BI change rows.
 * {@code attributes} are the other values it set (a title, a stage, a programme's new name or period), left out
 * of the JSON when it set none.
 */
public record HistoryEntry(long version, String type, Instant recordedAt, LocalDate effectiveDate, String actor,
                           @Schema(nullable = true) String reason, @Schema(nullable = true) String decisionRef, List<MoneyChange> changes,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> attributes) {

    public static HistoryEntry of(Fact fact) {
        Map<String, Object> attributes = new TreeMap<>(fact.attributes());
        // a proposal carries its effective date as an attribute for fold snapshots; the entry shows it as effectiveDate
        attributes.remove(SavingHistoryProjection.EFFECTIVE_FROM);
        return new HistoryEntry(fact.version(), fact.type(), fact.recordedAt(), fact.effectiveDate(), fact.actor(),
                fact.reason(), fact.decisionRef(), fact.changes().stream()
                .map(c -> new MoneyChange(c.year(), c.field(), Total.of(c.before()), Total.of(c.after()))).toList(),
                attributes);
    }

    /** The entries of the facts counted as at {@code asAt} and effective by {@code effectiveOn}, in their order. */
    public static List<HistoryEntry> visible(List<Fact> facts, Instant asAt, LocalDate effectiveOn) {
        return facts.stream().filter(fact -> fact.isVisible(asAt, effectiveOn)).map(HistoryEntry::of).toList();
    }
}
