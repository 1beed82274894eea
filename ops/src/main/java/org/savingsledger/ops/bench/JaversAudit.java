package org.savingsledger.ops.bench;

import org.javers.common.date.DateProvider;
import org.javers.core.Changes;
import org.javers.core.Javers;
import org.javers.core.metamodel.annotation.Id;
import org.javers.core.metamodel.annotation.TypeName;
import org.javers.core.metamodel.object.CdoSnapshot;
import org.javers.repository.jql.QueryBuilder;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.Provenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a team would otherwise build: the current state of programmes, savings and committees,
 * replaced on every change, with JaVers committing a snapshot of every object a change touches
 * (a proposed saving changes the saving and its programme's list of savings, so both) for audit and
 * as-at questions. JaVers' clock is each change's recording instant, so "as at" means the same as in
 * the ledger. A programme's summary as at an instant is folded from snapshots: the programme's
 * latest snapshot up to then names its savings, and each saving's latest snapshot up to then adds
 * its planned and delivered money per year.
 */
final class JaversAudit {

    /** The current-state objects JaVers audits. */
    @TypeName("Programme")
    static final class JvProgramme {
        @Id
        String id;
        String organisation;
        String name;
        BigDecimal savingsTarget;
        List<String> savingIds = new ArrayList<>();
    }

    @TypeName("Saving")
    static final class JvSaving {
        @Id
        String id;
        String programmeId;
        String title;
        String stage;
        String confidence;
        String rag;
        boolean withdrawn;
        Map<String, BigDecimal> planned = new TreeMap<>();
        Map<String, BigDecimal> delivered = new TreeMap<>();
    }

    @TypeName("Committee")
    static final class JvCommittee {
        @Id
        String id;
        String organisation;
        String name;
        List<String> programmeIds = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();
    }

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
    private final Map<String, Object> objects = new HashMap<>();
    private Instant now = Instant.EPOCH;

    JaversAudit(JaversBackend backend) throws Exception {
        this.backend = backend;
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
        List<Object> changed = apply(event);
        for (Object object : changed) {
            backend.write(idOf(object), object.getClass().getAnnotation(TypeName.class).value(), fields(object));
        }
        Provenance provenance = event.provenance();
        Map<String, String> properties = new HashMap<>();
        if (provenance.reason() != null) {
            properties.put("reason", provenance.reason());
        }
        properties.put("effectiveDate", provenance.effectiveDate().toString());
        for (Object object : changed) {
            javers.commit(provenance.actor(), object, properties);
        }
        backend.commit();
    }

    /** The programme's totals as JaVers knew them at {@code asAt} (null: now), folded from its savings' snapshots. */
    Totals summary(String programme, Instant asAt) {
        Totals totals = new Totals(new TreeMap<>(), new TreeMap<>());
        CdoSnapshot programmeSnapshot = latest(QueryBuilder.byInstanceId(programme, JvProgramme.class), asAt);
        if (programmeSnapshot == null) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<String> savings = (List<String>) programmeSnapshot.getPropertyValue("savingIds");
        for (String saving : savings) {
            CdoSnapshot snapshot = latest(QueryBuilder.byInstanceId(saving, JvSaving.class), asAt);
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
        return javers.findChanges(QueryBuilder.byInstanceId(saving, JvSaving.class).toInstant(asAt)
                .limit(Integer.MAX_VALUE).build());
    }

    /** Applies one change to the objects in memory and answers every object it changed. */
    private List<Object> apply(LedgerEvent event) {
        if (event instanceof ProgrammeLaunched e) {
            JvProgramme programme = new JvProgramme();
            programme.id = e.programmeId().value();
            programme.organisation = e.organisation();
            programme.name = e.name();
            programme.savingsTarget = e.savingsTarget().amount();
            return created(programme);
        }
        if (event instanceof SavingProposed e) {
            JvSaving saving = new JvSaving();
            saving.id = e.savingId().value();
            saving.programmeId = e.programmeId().value();
            saving.title = e.title();
            saving.stage = e.stage().name();
            saving.confidence = e.confidence().name();
            e.profile().amounts().forEach((year, amount) -> saving.planned.put(year.toString(), amount.amount()));
            JvProgramme programme = (JvProgramme) load(e.programmeId().value());
            programme.savingIds.add(saving.id);
            objects.put(saving.id, saving);
            return List.of(saving, programme);
        }
        if (event instanceof SavingDeliveryRecorded e) {
            JvSaving saving = (JvSaving) load(e.savingId().value());
            saving.delivered.merge(e.year().toString(), e.amount().amount(), BigDecimal::add);
            return List.of(saving);
        }
        if (event instanceof SavingDeliveryCorrected e) {
            JvSaving saving = (JvSaving) load(e.savingId().value());
            saving.delivered.merge(e.year().toString(), e.amount().amount(), BigDecimal::add);
            return List.of(saving);
        }
        if (event instanceof SavingSlippedToYear e) {
            JvSaving saving = (JvSaving) load(e.savingId().value());
            move(saving, e.fromYear().toString(), e.toYear().toString(), e.amount().amount());
            return List.of(saving);
        }
        if (event instanceof SavingBroughtForward e) {
            JvSaving saving = (JvSaving) load(e.savingId().value());
            move(saving, e.fromYear().toString(), e.toYear().toString(), e.amount().amount());
            return List.of(saving);
        }
        if (event instanceof SavingRagChanged e) {
            JvSaving saving = (JvSaving) load(e.savingId().value());
            saving.rag = e.status().name();
            return List.of(saving);
        }
        if (event instanceof CommitteeEstablished e) {
            JvCommittee committee = new JvCommittee();
            committee.id = e.committeeId().value();
            committee.organisation = e.organisation();
            committee.name = e.name();
            return created(committee);
        }
        if (event instanceof ProgrammeAssignedToCommittee e) {
            JvCommittee committee = (JvCommittee) load(e.committeeId().value());
            committee.programmeIds.add(e.programmeId().value());
            return List.of(committee);
        }
        if (event instanceof PositionReportPresented e) {
            JvCommittee committee = (JvCommittee) load(e.committeeId().value());
            committee.reportIds.add(e.reportId().value());
            return List.of(committee);
        }
        throw new IllegalStateException("no current-state change for " + event);
    }

    private List<Object> created(Object object) {
        objects.put(idOf(object), object);
        return List.of(object);
    }

    /** Reads the object's current document (as the application would) and answers the object it holds. */
    private Object load(String id) {
        backend.read(id);
        return objects.get(id);
    }

    private static void move(JvSaving saving, String from, String to, BigDecimal amount) {
        saving.planned.merge(from, amount.negate(), BigDecimal::add);
        saving.planned.merge(to, amount, BigDecimal::add);
    }

    private static Map<String, Object> fields(Object object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (object instanceof JvSaving saving) {
            fields.put("programmeId", saving.programmeId);
            fields.put("title", saving.title);
            fields.put("stage", saving.stage);
            fields.put("confidence", saving.confidence);
            fields.put("rag", saving.rag);
            fields.put("withdrawn", saving.withdrawn);
            fields.put("planned", new TreeMap<>(saving.planned));
            fields.put("delivered", new TreeMap<>(saving.delivered));
        } else if (object instanceof JvProgramme programme) {
            fields.put("organisation", programme.organisation);
            fields.put("name", programme.name);
            fields.put("savingsTarget", programme.savingsTarget);
            fields.put("savingIds", List.copyOf(programme.savingIds));
        } else if (object instanceof JvCommittee committee) {
            fields.put("organisation", committee.organisation);
            fields.put("name", committee.name);
            fields.put("programmeIds", List.copyOf(committee.programmeIds));
            fields.put("reportIds", List.copyOf(committee.reportIds));
        }
        return fields;
    }

    private static String idOf(Object object) {
        if (object instanceof JvSaving saving) {
            return saving.id;
        }
        if (object instanceof JvProgramme programme) {
            return programme.id;
        }
        return ((JvCommittee) object).id;
    }
}
