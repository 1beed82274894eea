package org.savingsledger.query.reading;

import org.savingsledger.query.history.EventType;
import org.savingsledger.query.history.Fact;

/**
 * The only place the queries tell facts apart by the event they record: the fact that brings a
 * saving, programme or committee into being, and a report presented to a committee. Every other
 * fact is folded alike, by its attributes and money changes. Facts are told apart by their
 * {@link EventType}, never by comparing names.
 */
public final class FactTypes {

    private FactTypes() {
    }

    /** The saving was proposed, or a fold snapshot stands for every fact before it (all of them visible, the proposal among them). */
    public static boolean opensSaving(Fact fact) {
        EventType type = fact.eventType();
        return type == EventType.SAVING_PROPOSED || type == EventType.FOLD_SNAPSHOT;
    }

    public static boolean opensProgramme(Fact fact) {
        return fact.eventType() == EventType.PROGRAMME_LAUNCHED;
    }

    public static boolean opensCommittee(Fact fact) {
        return fact.eventType() == EventType.COMMITTEE_ESTABLISHED;
    }

    public static boolean presentsReport(Fact fact) {
        return fact.eventType() == EventType.POSITION_REPORT_PRESENTED;
    }
}
