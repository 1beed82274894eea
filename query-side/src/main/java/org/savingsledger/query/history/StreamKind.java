package org.savingsledger.query.history;

import org.savingsledger.events.committee.CommitteeEvent;
import org.savingsledger.events.organisation.OrganisationEvent;
import org.savingsledger.events.programme.ProgrammeEvent;
import org.savingsledger.events.saving.SavingEvent;

/**
 * The kinds of event stream the read side keeps, each the read model of one event processor (its
 * processing group), kept in collections of their own so each can be rebuilt on its own.
 */
public enum StreamKind {
    /** Small buckets: an as-at fold reads a fold snapshot and at most one bucket after it (see {@link FoldSnapshots}). */
    SAVING(SavingHistoryProjection.PROCESSING_GROUP, "saving", SavingEvent.class, 10),
    /** Programme and committee histories are short and always read whole. */
    PROGRAMME(ProgrammeHistoryProjection.PROCESSING_GROUP, "programme", ProgrammeEvent.class, 100),
    COMMITTEE(CommitteeHistoryProjection.PROCESSING_GROUP, "committee", CommitteeEvent.class, 100),
    /** An organisation's head carries its own id as its organisation, so visibility treats it like the others. */
    ORGANISATION(OrganisationHistoryProjection.PROCESSING_GROUP, "organisation", OrganisationEvent.class, 100);

    private final String readModel;
    private final String collectionPrefix;
    private final Class<?> eventType;
    private final int bucketSize;

    StreamKind(String readModel, String collectionPrefix, Class<?> eventType, int bucketSize) {
        this.readModel = readModel;
        this.collectionPrefix = collectionPrefix;
        this.eventType = eventType;
        this.bucketSize = bucketSize;
    }

    /** Facts per bucket of {@code <kind>_history_g<n>}: the fact of version v is in bucket v / size. */
    int bucketSize() {
        return bucketSize;
    }

    /** The type of every event of this kind's streams. */
    public Class<?> eventType() {
        return eventType;
    }

    /** The read model's name: the processing group of the processor that keeps it. */
    public String readModel() {
        return readModel;
    }

    /** The kind whose read model is {@code name}, if any. */
    public static java.util.Optional<StreamKind> ofReadModel(String name) {
        for (StreamKind kind : values()) {
            if (kind.readModel.equals(name)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    String heads(int generation) {
        return collectionPrefix + "_heads_g" + generation;
    }

    String history(int generation) {
        return collectionPrefix + "_history_g" + generation;
    }

    /** Programme membership belongs to the savings' read model. */
    String members(int generation) {
        return "programme_savings_g" + generation;
    }

    /** Every collection of one generation of this read model. */
    public java.util.List<String> collections(int generation) {
        return this == SAVING ? java.util.List.of(heads(generation), history(generation), members(generation))
                : java.util.List.of(heads(generation), history(generation));
    }
}
