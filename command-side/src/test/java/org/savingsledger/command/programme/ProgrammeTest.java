package org.savingsledger.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

import java.time.LocalDate;

import static org.savingsledger.command.Refusals.refusedBy;

/**
 * Leicestershire's transformation programme, Cabinet 19 April 2016. Its one business rule is the money limit on its
 * approved budget and cost drawn down (its period is read by savings through the ledger directory); the rest are its
 * commands' success paths. Versions: the launch is 0, each later event adds 1.
 */
class ProgrammeTest {

    private static final ProgrammeId ID = ProgrammeId.of("leics-transformation");
    private static final Provenance BY_CABINET = new Provenance("finance-officer", "MTFS refresh",
            LocalDate.of(2016, 4, 19), "Cabinet 2016-04-19 item 6");
    private static final ProgrammeLaunched LAUNCHED = new ProgrammeLaunched(ID, "leicestershire",
            "Transformation Programme", "2016-2020 MTFS", Money.pounds(35_400_000),
            FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"), BY_CABINET);

    private AggregateTestFixture<Programme> fixture;
    private InMemoryLedgerDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        directory = new InMemoryLedgerDirectory().taken("leicestershire", LedgerKind.ORGANISATION);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void launchProgramme_namesItsOrganisationByIdInAnyCase() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, " Leicestershire", "Transformation Programme", "2016-2020 MTFS",
                        Money.pounds(35_400_000), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"),
                        BY_CABINET))
                .expectEvents(LAUNCHED);
    }

    @Test
    void launchProgramme_inAnOrganisationNotRegisteredIsRefused() {
        refusedBy(fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "Leicestershire County Council", "Transformation Programme", null,
                        Money.pounds(1), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"), BY_CABINET))
                .expectExceptionMessage(Rule.ORGANISATION_MUST_EXIST.description()
                        + ": there is no organisation 'leicestershire county council'"), Rule.ORGANISATION_MUST_EXIST);
    }

    @Test
    void launchProgramme_namingAnIdOfAnotherKindAsItsOrganisationIsRefused() {
        directory.taken("leics-cabinet", LedgerKind.COMMITTEE);
        refusedBy(fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "leics-cabinet", "Transformation Programme", null,
                        Money.pounds(1), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"), BY_CABINET)),
                Rule.ORGANISATION_MUST_EXIST);
    }

    @Test
    void launchProgramme_recordsItsOrganisationTargetAndPeriod() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "leicestershire", "Transformation Programme", "2016-2020 MTFS",
                        Money.pounds(35_400_000), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"),
                        BY_CABINET))
                .expectSuccessfulHandlerExecution()
                .expectEvents(LAUNCHED);
    }

    @Test
    void launchProgramme_aOneYearProgrammeIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "leicestershire", "One-year review", null, Money.ZERO,
                        FinancialYear.parse("2018/19"), FinancialYear.parse("2018/19"), BY_CABINET))
                .expectEvents(new ProgrammeLaunched(ID, "leicestershire", "One-year review", null, Money.ZERO,
                        FinancialYear.parse("2018/19"), FinancialYear.parse("2018/19"), BY_CABINET));
    }

    @Test
    void launchProgramme_withAnIdInUseIsADuplicateIdentifier() {
        directory.taken(ID.value(), LedgerKind.COMMITTEE);
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "leicestershire", "Transformation Programme", null,
                        Money.pounds(1), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"), BY_CABINET))
                .expectException(DuplicateIdentifier.class)
                .expectExceptionMessage("the id 'leics-transformation' is already in use")
                .expectNoEvents();
    }

    @Test
    void reviseProgrammeTarget_recordsThePreviousTarget() {
        fixture.given(LAUNCHED)
                .when(new ReviseProgrammeTarget(ID, Money.of("36000000.50"), BY_CABINET, null))
                .expectEvents(new ProgrammeTargetRevised(ID, Money.pounds(35_400_000), Money.of("36000000.50"), BY_CABINET))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reviseProgrammeTarget_thePreviousTargetIsTheLatestRevision() {
        fixture.given(LAUNCHED, new ProgrammeTargetRevised(ID, Money.pounds(35_400_000), Money.pounds(30_000_000), BY_CABINET))
                .when(new ReviseProgrammeTarget(ID, Money.ZERO, BY_CABINET, null))
                .expectEvents(new ProgrammeTargetRevised(ID, Money.pounds(30_000_000), Money.ZERO, BY_CABINET))
                .expectResultMessagePayload(2L);
    }

    /** Unlike stage, confidence and RAG, keeping a target is itself a decision worth recording. */
    @Test
    void reviseProgrammeTarget_toTheSameFigureIsStillRecorded() {
        fixture.given(LAUNCHED)
                .when(new ReviseProgrammeTarget(ID, Money.pounds(35_400_000), BY_CABINET, null))
                .expectEvents(new ProgrammeTargetRevised(ID, Money.pounds(35_400_000), Money.pounds(35_400_000), BY_CABINET))
                .expectResultMessagePayload(1L);
    }

    @Test
    void approveProgrammeBudget_recordsTheIncrement() {
        fixture.given(LAUNCHED)
                .when(new ApproveProgrammeBudget(ID, Money.pounds(6_700_000), BY_CABINET, null))
                .expectEvents(new ProgrammeBudgetApproved(ID, Money.pounds(6_700_000), BY_CABINET))
                .expectResultMessagePayload(1L);
    }

    @Test
    void approveProgrammeBudget_again_recordsAnotherIncrement() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.pounds(6_700_000), BY_CABINET))
                .when(new ApproveProgrammeBudget(ID, Money.of("0.01"), BY_CABINET, null))
                .expectEvents(new ProgrammeBudgetApproved(ID, Money.of("0.01"), BY_CABINET))
                .expectResultMessagePayload(2L);
    }

    @Test
    void drawDownProgrammeCost_recordsTheIncrement() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.pounds(6_700_000), BY_CABINET))
                .when(new DrawDownProgrammeCost(ID, Money.pounds(2_400_000), BY_CABINET, null))
                .expectEvents(new ProgrammeCostDrawnDown(ID, Money.pounds(2_400_000), BY_CABINET))
                .expectResultMessagePayload(2L);
    }

    /** A drawdown records money that was spent; refusing it would lose a fact (docs/architecture.md). */
    @Test
    void drawDownProgrammeCost_aboveTheApprovedBudgetIsAllowed() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.pounds(100), BY_CABINET),
                        new ProgrammeCostDrawnDown(ID, Money.pounds(100), BY_CABINET))
                .when(new DrawDownProgrammeCost(ID, Money.pounds(250), BY_CABINET, null))
                .expectEvents(new ProgrammeCostDrawnDown(ID, Money.pounds(250), BY_CABINET))
                .expectResultMessagePayload(3L);
    }

    @Test
    void drawDownProgrammeCost_withNoBudgetApprovedIsAllowed() {
        fixture.given(LAUNCHED)
                .when(new DrawDownProgrammeCost(ID, Money.pounds(1), BY_CABINET, null))
                .expectEvents(new ProgrammeCostDrawnDown(ID, Money.pounds(1), BY_CABINET))
                .expectResultMessagePayload(1L);
    }

    // ---- totals within the money limit (1000000000000.00, the largest single amount)

    @Test
    void totalsWithinMoneyLimit_budgetApprovalsUpToTheLimitAreAllowed() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.of("999999999999.99"), BY_CABINET))
                .when(new ApproveProgrammeBudget(ID, Money.of("0.01"), BY_CABINET, null))
                .expectEvents(new ProgrammeBudgetApproved(ID, Money.of("0.01"), BY_CABINET))
                .expectResultMessagePayload(2L);
    }

    @Test
    void totalsWithinMoneyLimit_aBudgetApprovalTakingTheApprovedBudgetPastTheLimit() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.MAX, BY_CABINET))
                        .when(new ApproveProgrammeBudget(ID, Money.of("0.01"), BY_CABINET, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aDrawdownTakingTheCostDrawnDownPastTheLimit() {
        refusedBy(fixture.given(LAUNCHED, new ProgrammeCostDrawnDown(ID, Money.of("600000000000"), BY_CABINET),
                                new ProgrammeCostDrawnDown(ID, Money.of("400000000000"), BY_CABINET))
                        .when(new DrawDownProgrammeCost(ID, Money.of("0.01"), BY_CABINET, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    /** The approved budget and the cost drawn down are separate totals: a full budget leaves drawdowns free. */
    @Test
    void totalsWithinMoneyLimit_aDrawdownIsNotCountedAgainstTheApprovedBudget() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.MAX, BY_CABINET))
                .when(new DrawDownProgrammeCost(ID, Money.MAX, BY_CABINET, null))
                .expectEvents(new ProgrammeCostDrawnDown(ID, Money.MAX, BY_CABINET));
    }

    /** Stored past the limit by an earlier release (it checked amounts, not sums): it still loads and takes commands. */
    @Test
    void totalsWithinMoneyLimit_aProgrammeStoredPastTheLimitStillTakesOtherCommands() {
        fixture.given(LAUNCHED, new ProgrammeBudgetApproved(ID, Money.MAX, BY_CABINET),
                        new ProgrammeBudgetApproved(ID, Money.MAX, BY_CABINET))
                .when(new ReviseProgrammeTarget(ID, Money.pounds(1), BY_CABINET, null))
                .expectEvents(new ProgrammeTargetRevised(ID, Money.pounds(35_400_000), Money.pounds(1), BY_CABINET))
                .expectResultMessagePayload(3L);
    }
}
