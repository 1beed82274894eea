package org.savingsledger.command.saving;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.savingsledger.events.saving.SavingClassified;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;

/**
 * A saving's category and recurrence, following its proposal and reclassifications. A saving whose
 * events say neither (all proposed before they were recorded) is recurring with no category, which is
 * also what a snapshot taken before this member existed loads as.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Classification {

    private SavingCategory category;
    private Recurrence recurrence = Recurrence.RECURRING;

    Classification() {
        // for the aggregate and Jackson
    }

    SavingCategory category() {
        return category;
    }

    Recurrence recurrence() {
        return recurrence;
    }

    /** Whether {@code command} changes anything: a field not given, or given as it is, changes nothing. */
    boolean changes(ClassifySaving command) {
        return category(command) != category || recurrence(command) != recurrence;
    }

    SavingClassified classified(SavingId savingId, ProgrammeId programmeId, ClassifySaving command) {
        return new SavingClassified(savingId, programmeId, category, category(command), recurrence, recurrence(command),
                command.provenance());
    }

    private SavingCategory category(ClassifySaving command) {
        return command.category() == null ? category : command.category();
    }

    private Recurrence recurrence(ClassifySaving command) {
        return command.recurrence() == null ? recurrence : command.recurrence();
    }

    @EventSourcingHandler
    void on(SavingProposed event) {
        category = event.category();
        recurrence = event.recurrence();
    }

    @EventSourcingHandler
    void on(SavingClassified event) {
        category = event.category();
        recurrence = event.recurrence();
    }
}
