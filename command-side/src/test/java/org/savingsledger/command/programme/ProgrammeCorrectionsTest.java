package org.savingsledger.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.savingsledger.command.Refusals.refusedBy;

/**
 * Corrections and amendments of Leicestershire's transformation programme: £4,910 typed for £4.91m, a drawdown
 * reversed, a rename, a period extended. That a shortened period drops no year holding money is the ledger
 * directory's check (ops {@code CorrectionsTest}). Versions: the launch is 0, each later event adds 1.
 */
class ProgrammeCorrectionsTest {

    private static final ProgrammeId ID = ProgrammeId.of("leics-transformation");
    private static final Provenance TYPO = new Provenance("finance-officer", "£4.91m was typed as £4,910",
            LocalDate.of(2016, 5, 3), "Cabinet 2016-04-19 item 6");
    private static final Provenance NO_REASON = new Provenance("finance-officer", null, LocalDate.of(2016, 5, 3), null);
    private static final FinancialYear Y2016 = FinancialYear.parse("2016/17");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");
    private static final ProgrammeLaunched LAUNCHED = new ProgrammeLaunched(ID, "leicestershire",
            "Transformation Programme", "2016-2020 MTFS", Money.pounds(35_400_000), Y2016, Y2019, TYPO);
    private static final ProgrammeBudgetApproved APPROVED_4910 = new ProgrammeBudgetApproved(ID, Money.pounds(4_910), TYPO);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(new InMemoryLedgerDirectory());
    }

    @Test
    void correctProgrammeBudget_upwardsRecordsTheSignedCorrection() {
        // 4,910,000 - 4,910 = 4,905,090
        fixture.given(LAUNCHED, APPROVED_4910)
                .when(new CorrectProgrammeBudget(ID, Money.pounds(4_905_090), TYPO, null))
                .expectEvents(new ProgrammeBudgetCorrected(ID, Money.pounds(4_905_090), TYPO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void correctProgrammeBudget_downToExactlyZeroIsAllowed() {
        fixture.given(LAUNCHED, APPROVED_4910)
                .when(new CorrectProgrammeBudget(ID, Money.pounds(-4_910), TYPO, null))
                .expectEvents(new ProgrammeBudgetCorrected(ID, Money.pounds(-4_910), TYPO));
    }

    @Test
    void approvedBudgetNeverNegative_aReductionBelowZeroIsRefused() {
        refusedBy(fixture.given(LAUNCHED, APPROVED_4910)
                        .when(new CorrectProgrammeBudget(ID, Money.of("-4910.01"), TYPO, null)),
                Rule.APPROVED_BUDGET_NEVER_NEGATIVE);
    }

    @Test
    void approvedBudgetNeverNegative_earlierCorrectionsCount() {
        refusedBy(fixture.given(LAUNCHED, APPROVED_4910, new ProgrammeBudgetCorrected(ID, Money.pounds(-4_000), TYPO))
                        .when(new CorrectProgrammeBudget(ID, Money.pounds(-911), TYPO, null)),
                Rule.APPROVED_BUDGET_NEVER_NEGATIVE);
    }

    @Test
    void approvedBudgetNeverNegative_drawdownsDoNotCount() {
        fixture.given(LAUNCHED, APPROVED_4910, new ProgrammeCostDrawnDown(ID, Money.pounds(9_000), TYPO))
                .when(new CorrectProgrammeBudget(ID, Money.pounds(-4_910), TYPO, null))
                .expectEvents(new ProgrammeBudgetCorrected(ID, Money.pounds(-4_910), TYPO))
                .expectResultMessagePayload(3L);
    }

    @Test
    void totalsWithinMoneyLimit_anUpwardBudgetCorrectionPastTheLimit() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.MAX, TYPO))
                        .when(new CorrectProgrammeBudget(ID, Money.of("0.01"), TYPO, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aDownwardCorrectionOfABudgetPastTheLimitIsAllowed() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.MAX, TYPO), new ProgrammeBudgetApproved(ID, Money.MAX, TYPO))
                .when(new CorrectProgrammeBudget(ID, Money.of("-0.01"), TYPO, null))
                .expectEvents(new ProgrammeBudgetCorrected(ID, Money.of("-0.01"), TYPO));
    }

    @Test
    void correctProgrammeCostDrawdown_reversesADrawdown() {
        fixture.given(LAUNCHED, new ProgrammeCostDrawnDown(ID, Money.pounds(250_000), TYPO))
                .when(new CorrectProgrammeCostDrawdown(ID, Money.pounds(-250_000), TYPO, null))
                .expectEvents(new ProgrammeCostDrawdownCorrected(ID, Money.pounds(-250_000), TYPO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void costDrawnDownNeverNegative_aReversalOfMoreThanWasDrawnIsRefused() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammeCostDrawnDown(ID, Money.pounds(250_000), TYPO),
                                new ProgrammeCostDrawdownCorrected(ID, Money.pounds(-50_000), TYPO))
                        .when(new CorrectProgrammeCostDrawdown(ID, Money.of("-200000.01"), TYPO, null)),
                Rule.COST_DRAWN_DOWN_NEVER_NEGATIVE);
    }

    @Test
    void costDrawnDownNeverNegative_theApprovedBudgetDoesNotCount() {
        refusedBy(fixture.given(LAUNCHED, APPROVED_4910)
                        .when(new CorrectProgrammeCostDrawdown(ID, Money.of("-0.01"), TYPO, null)),
                Rule.COST_DRAWN_DOWN_NEVER_NEGATIVE);
    }

    @Test
    void aCorrectionOfZeroOrWithoutAReasonIsInvalid() {
        assertThatThrownBy(() -> new CorrectProgrammeBudget(ID, Money.ZERO, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("amount must not be 0");
        assertThatThrownBy(() -> new CorrectProgrammeCostDrawdown(ID, null, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("amount is required");
        assertThatThrownBy(() -> new CorrectProgrammeCostDrawdown(ID, Money.pounds(-1), NO_REASON, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("reason is required");
    }

    @Test
    void changeProgrammeDetails_renamesKeepingTheDescription() {
        fixture.given(LAUNCHED)
                .when(new ChangeProgrammeDetails(ID, "  Transformation and Efficiency Programme ", null, TYPO, null))
                .expectEvents(new ProgrammeDetailsChanged(ID, "Transformation and Efficiency Programme", null, TYPO))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeProgrammeDetails_replacesTheDescriptionAfterARename() {
        fixture.given(LAUNCHED, new ProgrammeDetailsChanged(ID, "T&E Programme", null, TYPO))
                .when(new ChangeProgrammeDetails(ID, "Transformation Programme", "2016-2021 MTFS", TYPO, null))
                .expectEvents(new ProgrammeDetailsChanged(ID, "Transformation Programme", "2016-2021 MTFS", TYPO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void amendmentChangesEachField_theCurrentNameIsRefused() {
        refusedBy(fixture.given(LAUNCHED)
                        .when(new ChangeProgrammeDetails(ID, "Transformation Programme", "new", TYPO, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void amendmentChangesEachField_theNameAsLastRenamedIsRefused() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammeDetailsChanged(ID, "T&E Programme", null, TYPO))
                        .when(new ChangeProgrammeDetails(ID, "T&E Programme", null, TYPO, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void amendmentChangesEachField_theCurrentDescriptionIsRefused() {
        refusedBy(fixture.given(LAUNCHED)
                        .when(new ChangeProgrammeDetails(ID, null, "2016-2020 MTFS", TYPO, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void changeProgrammeDetails_givingNothingABlankOrNoReasonIsInvalid() {
        assertThatThrownBy(() -> new ChangeProgrammeDetails(ID, null, null, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("body must give name, description or directorate (or more than one)");
        assertThatThrownBy(() -> new ChangeProgrammeDetails(ID, " ", null, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("name must not be blank");
        assertThatThrownBy(() -> new ChangeProgrammeDetails(ID, "x".repeat(201), null, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("name must be at most 200 characters");
        assertThatThrownBy(() -> new ChangeProgrammeDetails(ID, "New", null, NO_REASON, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("reason is required");
    }

    @Test
    void changeProgrammePeriod_extendsRecordingThePreviousPeriod() {
        fixture.given(LAUNCHED)
                .when(new ChangeProgrammePeriod(ID, Y2016, Y2020, TYPO, null))
                .expectEvents(new ProgrammePeriodChanged(ID, Y2016, Y2019, Y2016, Y2020, TYPO))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeProgrammePeriod_thePreviousPeriodIsTheLatestChange() {
        FinancialYear y2017 = FinancialYear.parse("2017/18");
        fixture.given(LAUNCHED, new ProgrammePeriodChanged(ID, Y2016, Y2019, Y2016, Y2020, TYPO))
                .when(new ChangeProgrammePeriod(ID, y2017, Y2020, TYPO, null))
                .expectEvents(new ProgrammePeriodChanged(ID, Y2016, Y2020, y2017, Y2020, TYPO));
    }

    @Test
    void amendmentChangesEachField_theCurrentPeriodIsRefused() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammePeriodChanged(ID, Y2016, Y2019, Y2016, Y2020, TYPO))
                        .when(new ChangeProgrammePeriod(ID, Y2016, Y2020, TYPO, null)),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void changeProgrammePeriod_endingBeforeItStartsOrWithoutAReasonIsInvalid() {
        assertThatThrownBy(() -> new ChangeProgrammePeriod(ID, Y2019, Y2016, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("lastYear must not be before firstYear 2019/20");
        assertThatThrownBy(() -> new ChangeProgrammePeriod(ID, null, Y2016, TYPO, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("firstYear is required");
        assertThatThrownBy(() -> new ChangeProgrammePeriod(ID, Y2016, Y2020, NO_REASON, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("reason is required");
    }
}
