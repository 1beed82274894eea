package org.savingsledger.query.reading;

import org.savingsledger.query.history.Checkpoints;
import org.savingsledger.query.history.Fact;

/**
 * The only place the queries tell facts apart by the event they record: the fact that brings a
 * saving, programme or committee into being, and a report presented to a committee. Every other
 * fact is folded alike, by its attributes and money changes.
 */
public final class FactTypes {

    private FactTypes() {
    }

    /** The saving was proposed, or a checkpoint stands for every fact before it (all of them visible, the proposal among them). */
    public static boolean opensSaving(Fact fact) {
        return "SavingProposed".equals(fact.type()) || Checkpoints.TYPE.equals(fact.type());
    }

    public static boolean opensProgramme(Fact fact) {
        return "ProgrammeLaunched".equals(fact.type());
    }

    public static boolean opensCommittee(Fact fact) {
        return "CommitteeEstablished".equals(fact.type());
    }

    public static boolean presentsReport(Fact fact) {
        return "PositionReportPresented".equals(fact.type());
    }
}
