package org.savingsledger.command.saving;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.savingsledger.command.Refusals.refusedBy;

/** Amending a saving's title, workstream, owner and description. Versions: the proposal is 0, each later event adds 1. */
class SavingDetailsTest {

    private static final SavingId ID = SavingId.of("notts-asc-column-b");
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final Provenance BY_OFFICER = new Provenance("programme-officer", "new structure from April",
            LocalDate.of(2018, 4, 1), null);
    private static final SavingProposed PROPOSED = new SavingProposed(ID, PROGRAMME,
            "Council savings in scope of Newton analysis", "Promoting Independence Interventions", null,
            Confidence.CONFIDENT, Stage.IN_DELIVERY,
            SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.pounds(5_379_000))), BY_OFFICER);

    private AggregateTestFixture<Saving> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saving.class);
        fixture.registerInjectableResource(
                new InMemoryLedgerDirectory().programme(PROGRAMME.value(), "nottinghamshire", "2018/19", "2021/22"));
    }

    @Test
    void changeSavingDetails_recordsOnlyTheFieldsGiven() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingDetails(ID, null, "Early Resolution", "Service Director", null, BY_OFFICER, null))
                .expectEvents(new SavingDetailsChanged(ID, PROGRAMME, null, "Early Resolution", "Service Director", null,
                        BY_OFFICER))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeSavingDetails_aFirstDescriptionAndANewTitle() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingDetails(ID, "Newton phase 2", null, null, "Reablement\nand homecare", BY_OFFICER, null))
                .expectEvents(new SavingDetailsChanged(ID, PROGRAMME, "Newton phase 2", null, null,
                        "Reablement\nand homecare", BY_OFFICER));
    }

    @Test
    void amendmentChangesEachField_theCurrentTitleIsRefusedEvenWithAnotherFieldChanged() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new ChangeSavingDetails(ID, "Council savings in scope of Newton analysis", null, "Director",
                                null, BY_OFFICER, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void amendmentChangesEachField_theValueOfTheLastAmendmentIsTheCurrentOne() {
        refusedBy(fixture.given(PROPOSED, new SavingDetailsChanged(ID, PROGRAMME, null, null, "Director", "d", BY_OFFICER))
                        .when(new ChangeSavingDetails(ID, null, null, null, "d", BY_OFFICER, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void amendmentChangesEachField_aWorkstreamStillAsProposedIsRefusedAfterAnotherFieldChanged() {
        refusedBy(fixture.given(PROPOSED, new SavingDetailsChanged(ID, PROGRAMME, "t", null, null, null, BY_OFFICER))
                        .when(new ChangeSavingDetails(ID, null, "Promoting Independence Interventions", null, null,
                                BY_OFFICER, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void withdrawnSavingIsClosed_toAnAmendment() {
        refusedBy(fixture.given(PROPOSED, new SavingWithdrawn(ID, PROGRAMME, BY_OFFICER))
                        .when(new ChangeSavingDetails(ID, "t", null, null, null, BY_OFFICER, null)),
                Rule.WITHDRAWN_SAVING_IS_CLOSED);
    }

    @Test
    void changeSavingDetails_givingNothingABlankOrNoReasonIsInvalid() {
        assertThatThrownBy(() -> new ChangeSavingDetails(ID, null, null, null, null, BY_OFFICER, null))
                .isInstanceOf(InvalidCommand.class)
                .hasMessage("body must give at least one of title, workstream, owner, description");
        assertThatThrownBy(() -> new ChangeSavingDetails(ID, null, null, "\t", null, BY_OFFICER, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("owner must not be blank");
        assertThatThrownBy(() -> new ChangeSavingDetails(ID, "t".repeat(501), null, null, null, BY_OFFICER, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("title must be at most 500 characters");
        assertThatThrownBy(() -> new ChangeSavingDetails(ID, "t", null, null, null,
                new Provenance("programme-officer", " ", LocalDate.of(2018, 4, 1), null), null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("reason is required");
    }
}
