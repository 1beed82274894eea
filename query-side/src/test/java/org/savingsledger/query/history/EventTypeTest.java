package org.savingsledger.query.history;

import org.junit.jupiter.api.Test;
import org.savingsledger.events.committee.CommitteeEvent;
import org.savingsledger.events.organisation.OrganisationEvent;
import org.savingsledger.events.programme.ProgrammeEvent;
import org.savingsledger.events.saving.SavingEvent;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event a stream can hold has its {@link EventType}, under the name the API has always shown
 * and the store has always kept; so a new event in a sealed family fails here until it is named,
 * and the projections' {@code switch}es then fail to compile until it is handled.
 */
class EventTypeTest {

    @Test
    void everyPermittedEventOfEachFamilyHasItsType() {
        List<Class<?>> permitted = Stream.<Class<?>>of(SavingEvent.class, ProgrammeEvent.class, CommitteeEvent.class,
                        OrganisationEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();

        assertThat(permitted).hasSize(28);
        assertThat(permitted).allSatisfy(event -> assertThat(Arrays.stream(EventType.values())
                .filter(type -> type.event() == event)).as(event.getSimpleName()).hasSize(1));
        assertThat(Arrays.stream(EventType.values()).filter(type -> type.event() != null).<Class<?>>map(EventType::event).toList())
                .containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void theStableNamesAreTheOnesStoredAndShown() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::stableName)).containsExactly(
                "SavingProposed", "SavingProfileRevised", "SavingSlippedToYear", "SavingBroughtForward",
                "SavingDeliveryRecorded", "SavingDeliveryCorrected", "SavingStageChanged", "SavingConfidenceChanged",
                "SavingRagChanged", "SavingWithdrawn", "ProgrammeLaunched", "ProgrammeTargetRevised",
                "ProgrammeBudgetApproved", "ProgrammeCostDrawnDown", "CommitteeEstablished",
                "ProgrammeAssignedToCommittee", "PositionReportPresented", "Checkpoint",
                "ProgrammeBudgetCorrected", "ProgrammeCostDrawdownCorrected", "ProgrammeDetailsChanged",
                "ProgrammePeriodChanged", "SavingDetailsChanged",
                "SavingClassified", "SavingPostsRevised", "SavingPostsDelivered", "SavingPostsDeliveryCorrected",
                "OrganisationRegistered", "ProgrammePendingBudgetResolved");
        for (EventType type : EventType.values()) {
            assertThat(EventType.named(type.stableName())).isSameAs(type);
        }
    }
}
