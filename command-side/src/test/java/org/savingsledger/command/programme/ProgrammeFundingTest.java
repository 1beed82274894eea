package org.savingsledger.command.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.web.access.OrganisationScope;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.savingsledger.command.Refusals.refusedBy;

/**
 * Funding sources, pending bids, phases and directorates of Nottinghamshire's adult social care programme: a
 * £2m transformation reserve approval, a £1.5m DLUHC grant bid pending, a second phase that follows the first.
 * Versions: the launch is 0, each later event adds 1.
 */
class ProgrammeFundingTest {

    private static final ProgrammeId ID = ProgrammeId.of("notts-asc");
    private static final ProgrammeId PHASE_2 = ProgrammeId.of("notts-asc-phase-2");
    private static final ProgrammeId LEICS = ProgrammeId.of("leics-transformation");
    private static final String RESERVE = "Transformation reserve";
    private static final String GRANT = "DLUHC grant";
    private static final Provenance CABINET = new Provenance("finance-officer", "Cabinet decision",
            LocalDate.of(2018, 4, 10), "Cabinet 2018-04-10 item 4");
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");
    private static final FinancialYear Y2021 = FinancialYear.parse("2021/22");
    private static final FinancialYear Y2023 = FinancialYear.parse("2023/24");
    private static final ProgrammeLaunched LAUNCHED = new ProgrammeLaunched(ID, "nottinghamshire", "ASC",
            null, Money.pounds(10_000_000), Y2018, Y2020, CABINET);
    private static final ProgrammeBudgetApproved RESERVE_2M = new ProgrammeBudgetApproved(ID, Money.pounds(2_000_000),
            CABINET, RESERVE, false);
    private static final ProgrammeBudgetApproved GRANT_BID = new ProgrammeBudgetApproved(ID, Money.pounds(1_500_000),
            CABINET, GRANT, true);
    private static final Map<String, Object> SENT_BY_A_NOTTS_OFFICER = Map.of(SenderScope.METADATA_KEY,
            OrganisationScope.of(Set.of("nottinghamshire")));
    private static final Map<String, Object> SENT_BY_AN_OFFICER_OF_BOTH = Map.of(SenderScope.METADATA_KEY,
            OrganisationScope.of(Set.of("nottinghamshire", "leicestershire")));

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(new InMemoryLedgerDirectory()
                .taken("nottinghamshire", LedgerKind.ORGANISATION).taken("leicestershire", LedgerKind.ORGANISATION)
                .programme(ID.value(), "nottinghamshire", "2018/19", "2020/21")
                .programme(LEICS.value(), "leicestershire", "2016/17", "2019/20"));
    }

    private LaunchProgramme phase2(ProgrammeId follows) {
        return new LaunchProgramme(PHASE_2, "nottinghamshire", "ASC phase 2", null, Money.pounds(4_000_000), Y2021,
                Y2023, CABINET, follows, "Adults and Health");
    }

    @Test
    void launchProgramme_recordsThePhaseItFollowsAndItsDirectorate() {
        fixture.givenNoPriorActivity()
                .when(phase2(ID), SENT_BY_A_NOTTS_OFFICER)
                .expectEvents(new ProgrammeLaunched(PHASE_2, "nottinghamshire", "ASC phase 2", null,
                        Money.pounds(4_000_000), Y2021, Y2023, CABINET, ID, "Adults and Health"));
    }

    @Test
    void followsOwnProgramme_aProgrammeThatDoesNotExistIsRefused() {
        refusedBy(fixture.givenNoPriorActivity().when(phase2(ProgrammeId.of("no-such-programme")), SENT_BY_A_NOTTS_OFFICER),
                Rule.FOLLOWS_OWN_PROGRAMME);
    }

    @Test
    void followsOwnProgramme_anotherOrganisationsProgrammeIsRefusedAsIfMissingOrNamedToWhoMaySeeIt() {
        fixture.givenNoPriorActivity().when(phase2(LEICS), SENT_BY_A_NOTTS_OFFICER)
                .expectExceptionMessage("a programme follows an existing programme of its own organisation: "
                        + "there is no programme 'leics-transformation'");
        refusedBy(fixture.givenNoPriorActivity().when(phase2(LEICS), SENT_BY_AN_OFFICER_OF_BOTH),
                Rule.FOLLOWS_OWN_PROGRAMME);
    }

    @Test
    void approveProgrammeBudget_namesItsSourceAndMayBePending() {
        fixture.given(LAUNCHED)
                .when(new ApproveProgrammeBudget(ID, Money.pounds(1_500_000), CABINET, null, "  " + GRANT + " ", true))
                .expectEvents(GRANT_BID)
                .expectResultMessagePayload(1L);
    }

    @Test
    void resolvePendingBudget_approvedPartlyThenDeclinedTheRest() {
        fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID)
                .when(new ResolvePendingBudget(ID, GRANT, Money.pounds(1_000_000), BudgetDecision.APPROVED, CABINET, null))
                .expectEvents(new ProgrammePendingBudgetResolved(ID, GRANT, Money.pounds(1_000_000),
                        BudgetDecision.APPROVED, CABINET));
        // 1.5m pending - 1m approved = 0.5m still pending: all of it can be declined
        fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID, new ProgrammePendingBudgetResolved(ID, GRANT,
                        Money.pounds(1_000_000), BudgetDecision.APPROVED, CABINET))
                .when(new ResolvePendingBudget(ID, GRANT, Money.pounds(500_000), BudgetDecision.DECLINED, CABINET, null))
                .expectEvents(new ProgrammePendingBudgetResolved(ID, GRANT, Money.pounds(500_000),
                        BudgetDecision.DECLINED, CABINET));
    }

    @Test
    void resolutionWithinPending_moreThanIsPendingForTheSourceIsRefused() {
        refusedBy(fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID, new ProgrammePendingBudgetResolved(ID, GRANT,
                        Money.pounds(1_000_000), BudgetDecision.DECLINED, CABINET))
                        .when(new ResolvePendingBudget(ID, GRANT, Money.of("500000.01"), BudgetDecision.APPROVED, CABINET, null)),
                Rule.RESOLUTION_WITHIN_PENDING);
        // the reserve's 2m is approved, not pending: nothing of it can be resolved
        refusedBy(fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID)
                        .when(new ResolvePendingBudget(ID, RESERVE, Money.pounds(1), BudgetDecision.APPROVED, CABINET, null)),
                Rule.RESOLUTION_WITHIN_PENDING);
    }

    @Test
    void sourceFiguresNeverNegative_aBudgetCorrectionCountsPerSource() {
        // 2m approved from the reserve; 1m of the grant approved: the grant's approved budget is 1m
        ProgrammePendingBudgetResolved grantApproved = new ProgrammePendingBudgetResolved(ID, GRANT,
                Money.pounds(1_000_000), BudgetDecision.APPROVED, CABINET);
        fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID, grantApproved)
                .when(new CorrectProgrammeBudget(ID, Money.pounds(-1_000_000), CABINET, null, GRANT))
                .expectEvents(new ProgrammeBudgetCorrected(ID, Money.pounds(-1_000_000), CABINET, GRANT));
        refusedBy(fixture.given(LAUNCHED, RESERVE_2M, GRANT_BID, grantApproved)
                        .when(new CorrectProgrammeBudget(ID, Money.of("-1000000.01"), CABINET, null, GRANT)),
                Rule.SOURCE_FIGURES_NEVER_NEGATIVE);
        // the total (3m) would stay positive, but nothing was approved without a source
        refusedBy(fixture.given(LAUNCHED, RESERVE_2M)
                        .when(new CorrectProgrammeBudget(ID, Money.pounds(-1), CABINET, null)),
                Rule.SOURCE_FIGURES_NEVER_NEGATIVE);
    }

    @Test
    void sourceFiguresNeverNegative_aDrawdownCorrectionCountsPerSource() {
        ProgrammeCostDrawnDown drawn = new ProgrammeCostDrawnDown(ID, Money.pounds(300_000), CABINET, RESERVE);
        fixture.given(LAUNCHED, RESERVE_2M, drawn)
                .when(new CorrectProgrammeCostDrawdown(ID, Money.pounds(-300_000), CABINET, null, RESERVE))
                .expectEvents(new ProgrammeCostDrawdownCorrected(ID, Money.pounds(-300_000), CABINET, RESERVE));
        refusedBy(fixture.given(LAUNCHED, RESERVE_2M, drawn)
                        .when(new CorrectProgrammeCostDrawdown(ID, Money.pounds(-1), CABINET, null, GRANT)),
                Rule.SOURCE_FIGURES_NEVER_NEGATIVE);
    }

    @Test
    void drawDownProgrammeCost_namesItsSourceAndMayExceedIt() {
        fixture.given(LAUNCHED, RESERVE_2M)
                .when(new DrawDownProgrammeCost(ID, Money.pounds(2_500_000), CABINET, null, RESERVE))
                .expectEvents(new ProgrammeCostDrawnDown(ID, Money.pounds(2_500_000), CABINET, RESERVE));
    }

    @Test
    void changeProgrammeDetails_movesItToAnotherDirectorate() {
        fixture.given(LAUNCHED)
                .when(new ChangeProgrammeDetails(ID, null, null, CABINET, null, "Adults and Health"))
                .expectEvents(new ProgrammeDetailsChanged(ID, null, null, CABINET, "Adults and Health"));
        refusedBy(fixture.given(LAUNCHED, new ProgrammeDetailsChanged(ID, null, null, CABINET, "Adults and Health"))
                        .when(new ChangeProgrammeDetails(ID, null, null, CABINET, null, "Adults and Health")),
                Rule.AMENDMENT_CHANGES_EACH_FIELD);
    }

    @Test
    void aSourceIsOptionalTextOfAtMost200CharactersAndNeverTheKeyOfNone() {
        assertThatThrownBy(() -> new ApproveProgrammeBudget(ID, Money.pounds(1), CABINET, null, "x".repeat(201), false))
                .isInstanceOf(InvalidCommand.class).hasMessage("source must be at most 200 characters");
        assertThatThrownBy(() -> new DrawDownProgrammeCost(ID, Money.pounds(1), CABINET, null, "NOT_SET"))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("source must not be NOT_SET");
        assertThatThrownBy(() -> new ResolvePendingBudget(ID, GRANT, Money.pounds(1), null, CABINET, null))
                .isInstanceOf(InvalidCommand.class).hasMessage("decision is required");
    }
}
