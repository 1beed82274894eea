package org.savingsledger.ops.bench;

import org.javers.common.date.DateProvider;
import org.javers.core.Changes;
import org.javers.core.Javers;
import org.javers.core.metamodel.object.CdoSnapshot;
import org.javers.repository.jql.QueryBuilder;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.Provenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a team would otherwise build: the current state of programmes, savings and committees
 * ({@link CurrentState}), replaced on every change, with JaVers committing a snapshot of every
 * object a change touches (a proposed saving changes the saving and its programme's list of
 * savings, so both) for audit and as-at questions. JaVers' clock is each change's recording instant, so "as at" means the same as in
 * the ledger. A programme's summary as at an instant is folded from snapshots: the programme's
 * latest snapshot up to then names its savings, and each saving's latest snapshot up to then adds
 * its planned and delivered money per year.
 */
final class JaversAudit {

    /** A programme's planned and delivered money per financial year (e.g. {@code 2024/25}). */
    record Totals(SortedMap<String, BigDecimal> planned, SortedMap<String, BigDecimal> delivered) {

        /** Equal amounts in every year either names (a year one leaves out counts 0). */
        boolean sameAs(Totals other) {
            return same(planned, other.planned) && same(delivered, other.delivered);
        }

        private static boolean same(Map<String, BigDecimal> one, Map<String, BigDecimal> other) {
            TreeSet<String> years = new TreeSet<>(one.keySet());
            years.addAll(other.keySet());
            return years.stream().allMatch(year -> one.getOrDefault(year, BigDecimal.ZERO)
                    .compareTo(other.getOrDefault(year, BigDecimal.ZERO)) == 0);
        }

        BigDecimal plannedTotal() {
            return planned.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal deliveredTotal() {
            return delivered.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JaversBackend backend;
    private final Javers javers;
    private final CurrentState state;
    private Instant now = Instant.EPOCH;

    JaversAudit(JaversBackend backend) throws Exception {
        this.backend = backend;
        this.state = new CurrentState(backend);
        DateProvider clock = () -> now.atZone(ZoneOffset.UTC);
        this.javers = backend.open(clock);
    }

    String repository() {
        return backend.name();
    }

    /**
     * One command of the alternative: reads the current state of what the change touches, replaces
     * it, commits every changed object to JaVers, then ends the command's transaction.
     */
    void record(Instant recordedAt, LedgerEvent event) {
        now = recordedAt;
        List<CurrentState.Audited> changed = state.apply(event);
        for (CurrentState.Audited object : changed) {
            backend.write(object.id(), object.typeName(), object.fields());
        }
        Provenance provenance = event.provenance();
        Map<String, String> properties = new HashMap<>();
        if (provenance.reason() != null) {
            properties.put("reason", provenance.reason());
        }
        properties.put("effectiveDate", provenance.effectiveDate().toString());
        for (CurrentState.Audited object : changed) {
            javers.commit(provenance.actor(), object, properties);
        }
        backend.commit();
    }

    /** The programme's totals as JaVers knew them at {@code asAt} (null: now), folded from its savings' snapshots. */
    Totals summary(String programme, Instant asAt) {
        Totals totals = new Totals(new TreeMap<>(), new TreeMap<>());
        CdoSnapshot programmeSnapshot = latest(QueryBuilder.byInstanceId(programme, CurrentState.JvProgramme.class), asAt);
        if (programmeSnapshot == null) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<String> savings = (List<String>) programmeSnapshot.getPropertyValue("savingIds");
        for (String saving : savings) {
            CdoSnapshot snapshot = latest(QueryBuilder.byInstanceId(saving, CurrentState.JvSaving.class), asAt);
            if (snapshot == null || Boolean.TRUE.equals(snapshot.getPropertyValue("withdrawn"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> planned = (Map<String, BigDecimal>) snapshot.getPropertyValue("planned");
            @SuppressWarnings("unchecked")
            Map<String, BigDecimal> delivered = (Map<String, BigDecimal>) snapshot.getPropertyValue("delivered");
            planned.forEach((year, amount) -> totals.planned().merge(year, amount, BigDecimal::add));
            delivered.forEach((year, amount) -> totals.delivered().merge(year, amount, BigDecimal::add));
        }
        return totals;
    }

    private CdoSnapshot latest(QueryBuilder query, Instant asAt) {
        List<CdoSnapshot> snapshots = javers.findSnapshots((asAt == null ? query : query.toInstant(asAt)).limit(1).build());
        return snapshots.isEmpty() ? null : snapshots.get(0);
    }

    /**
     * Every change of the saving recorded up to {@code asAt}: all its snapshots, not JaVers' default
     * first 100 (the ledger's history answers every entry).
     */
    Changes history(String saving, Instant asAt) {
        return javers.findChanges(QueryBuilder.byInstanceId(saving, CurrentState.JvSaving.class).toInstant(asAt)
                .limit(Integer.MAX_VALUE).build());
    }
}
