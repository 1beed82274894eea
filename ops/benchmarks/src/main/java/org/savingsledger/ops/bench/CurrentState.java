package org.savingsledger.ops.bench;

import org.javers.core.metamodel.annotation.Id;
import org.javers.core.metamodel.annotation.TypeName;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.SavingId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alternative's current state of organisations, programmes, savings and committees, kept as a
 * team would keep it: each change reads the objects it touches, changes them and answers them to be replaced and
 * audited. The objects' fields are what JaVers snapshots, and their {@link TypeName}s what its
 * queries name, so {@link JaversAudit} folds from exactly what was stored.
 */
final class CurrentState {

    /**
     * An object JaVers audits: its id and the fields its current-state document holds, in the order
     * the document lists them. JaVers reads the fields themselves, the superclass's id included.
     */
    abstract static sealed class Audited permits JvOrganisation, JvProgramme, JvSaving, JvCommittee {
        @Id
        String id;

        final String id() {
            return id;
        }

        abstract Map<String, Object> fields();

        final String typeName() {
            return getClass().getAnnotation(TypeName.class).value();
        }

        /** The document's fields from name, value, name, value, …: in that order. */
        static Map<String, Object> document(Object... namesAndValues) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return fields;
        }
    }

    @TypeName("Programme")
    static final class JvProgramme extends Audited {
        String organisation;
        String name;
        BigDecimal savingsTarget;
        List<String> savingIds = new ArrayList<>();

        @Override
        Map<String, Object> fields() {
            return document("organisation", organisation, "name", name, "savingsTarget", savingsTarget,
                    "savingIds", List.copyOf(savingIds));
        }
    }

    @TypeName("Saving")
    static final class JvSaving extends Audited {
        String programmeId;
        String title;
        String stage;
        String confidence;
        String rag;
        boolean withdrawn;
        Map<String, BigDecimal> planned = new TreeMap<>();
        Map<String, BigDecimal> delivered = new TreeMap<>();

        @Override
        Map<String, Object> fields() {
            return document("programmeId", programmeId, "title", title, "stage", stage, "confidence", confidence,
                    "rag", rag, "withdrawn", withdrawn, "planned", new TreeMap<>(planned), "delivered", new TreeMap<>(delivered));
        }
    }

    @TypeName("Committee")
    static final class JvCommittee extends Audited {
        String organisation;
        String name;
        List<String> programmeIds = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();

        @Override
        Map<String, Object> fields() {
            return document("organisation", organisation, "name", name, "programmeIds", List.copyOf(programmeIds),
                    "reportIds", List.copyOf(reportIds));
        }
    }

    @TypeName("Organisation")
    static final class JvOrganisation extends Audited {
        String name;
        String gssCode;

        @Override
        Map<String, Object> fields() {
            return document("name", name, "gssCode", gssCode);
        }
    }

    private final JaversBackend backend;
    private final Map<String, Audited> objects = new HashMap<>();

    /** @param backend where each change reads the current documents of what it touches */
    CurrentState(JaversBackend backend) {
        this.backend = backend;
    }

    /** Applies one change to the objects in memory and answers every object it changed. */
    List<Audited> apply(LedgerEvent event) {
        if (event instanceof OrganisationRegistered e) {
            JvOrganisation organisation = new JvOrganisation();
            organisation.id = e.organisationId().value();
            organisation.name = e.name();
            organisation.gssCode = e.gssCode();
            return created(organisation);
        }
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
            return delivered(e.savingId(), e.year(), e.amount());
        }
        if (event instanceof SavingDeliveryCorrected e) {
            return delivered(e.savingId(), e.year(), e.amount());
        }
        if (event instanceof SavingSlippedToYear e) {
            return moved(e.savingId(), e.fromYear(), e.toYear(), e.amount());
        }
        if (event instanceof SavingBroughtForward e) {
            return moved(e.savingId(), e.fromYear(), e.toYear(), e.amount());
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

    /** A delivery and its correction both add their (signed) amount to the year's delivered money. */
    private List<Audited> delivered(SavingId id, FinancialYear year, Money amount) {
        JvSaving saving = (JvSaving) load(id.value());
        saving.delivered.merge(year.toString(), amount.amount(), BigDecimal::add);
        return List.of(saving);
    }

    /** A slip and a bring-forward both move planned money from one year to another. */
    private List<Audited> moved(SavingId id, FinancialYear from, FinancialYear to, Money amount) {
        JvSaving saving = (JvSaving) load(id.value());
        saving.planned.merge(from.toString(), amount.amount().negate(), BigDecimal::add);
        saving.planned.merge(to.toString(), amount.amount(), BigDecimal::add);
        return List.of(saving);
    }

    private List<Audited> created(Audited object) {
        objects.put(object.id(), object);
        return List.of(object);
    }

    /** Reads the object's current document (as the application would) and answers the object it holds. */
    private Audited load(String id) {
        backend.read(id);
        return objects.get(id);
    }
}
