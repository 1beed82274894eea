package org.savingsledger.command.saving;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import static org.savingsledger.command.Refusals.refusedBy;

/**
 * Nottinghamshire's column B, 12 March 2018: 5,379k / 3,461k / 1,696k in a programme running 2018/19 to 2021/22.
 * Versions: the proposal is 0, each later event adds 1.
 */
class SavingTest {

    private static final SavingId ID = SavingId.of("notts-asc-column-b");
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final Provenance BY_COMMITTEE = new Provenance("transformation-director",
            "Newton: 2018/19 savings at risk", LocalDate.of(2018, 3, 12), "ASC&PH Committee 2018-03-12 item 9");
    private static final FinancialYear Y2017 = FinancialYear.parse("2017/18");
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");
    private static final FinancialYear Y2021 = FinancialYear.parse("2021/22");
    private static final FinancialYear Y2022 = FinancialYear.parse("2022/23");
    private static final SavingsProfile COLUMN_B = SavingsProfile.of(Map.of(
            Y2018, Money.pounds(5_379_000), Y2019, Money.pounds(3_461_000), Y2020, Money.pounds(1_696_000)));
    private static final SavingProposed PROPOSED = new SavingProposed(ID, PROGRAMME,
            "Council savings in scope of Newton analysis", "Promoting Independence Interventions", "Service Director",
            Confidence.CONFIDENT, Stage.IN_DELIVERY, COLUMN_B, BY_COMMITTEE);
    private static final SavingWithdrawn WITHDRAWN = new SavingWithdrawn(ID, PROGRAMME, BY_COMMITTEE);

    private AggregateTestFixture<Saving> fixture;
    private InMemoryLedgerDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saving.class);
        directory = new InMemoryLedgerDirectory().programme(PROGRAMME.value(), "nottinghamshire", "2018/19", "2021/22");
        fixture.registerInjectableResource(directory);
    }

    private static Money pounds(long pounds) {
        return Money.pounds(pounds);
    }

    private static ProposeSaving propose(SavingsProfile profile) {
        return new ProposeSaving(ID, PROGRAMME, "Council savings in scope of Newton analysis",
                "Promoting Independence Interventions", "Service Director", Confidence.CONFIDENT, Stage.IN_DELIVERY,
                profile, BY_COMMITTEE);
    }

    // ---- ProposeSaving

    @Test
    void proposeSaving_recordsTheTitleOwnerConfidenceStageAndProfile() {
        fixture.givenNoPriorActivity()
                .when(propose(COLUMN_B))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PROPOSED);
    }

    @Test
    void proposeSaving_theProgrammesFirstAndLastYearsAreWithinItsPeriod() {
        SavingsProfile edges = SavingsProfile.of(Map.of(Y2018, pounds(1), Y2021, pounds(2)));
        fixture.givenNoPriorActivity()
                .when(propose(edges))
                .expectEvents(new SavingProposed(ID, PROGRAMME, "Council savings in scope of Newton analysis",
                        "Promoting Independence Interventions", "Service Director", Confidence.CONFIDENT,
                        Stage.IN_DELIVERY, edges, BY_COMMITTEE));
    }

    @Test
    void proposeSaving_underAnUnknownProgrammeIsAnUnknownIdentifier() {
        fixture.givenNoPriorActivity()
                .when(new ProposeSaving(ID, ProgrammeId.of("no-such-programme"), "t", null, null,
                        Confidence.CONFIDENT, Stage.CONCEPT, COLUMN_B, BY_COMMITTEE))
                .expectException(UnknownIdentifier.class)
                .expectExceptionMessage("no programme with id 'no-such-programme'")
                .expectNoEvents();
    }

    @Test
    void proposeSaving_withAnIdInUseIsADuplicateIdentifier() {
        directory.taken(ID.value(), LedgerKind.REPORT);
        fixture.givenNoPriorActivity()
                .when(propose(COLUMN_B))
                .expectException(DuplicateIdentifier.class)
                .expectNoEvents();
    }

    // ---- ReviseSavingProfile

    @Test
    void reviseSavingProfile_replacesTheWholeProfileRecordingWhatItReplaced() {
        SavingsProfile revised = SavingsProfile.of(Map.of(Y2019, pounds(10_536_000)));
        fixture.given(PROPOSED)
                .when(new ReviseSavingProfile(ID, revised, BY_COMMITTEE, null))
                .expectEvents(new SavingProfileRevised(ID, PROGRAMME, COLUMN_B, revised, BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reviseSavingProfile_belowWhatWasDeliveredIsAllowedBecauseOverDeliveryIsShown() {
        SavingsProfile revised = SavingsProfile.of(Map.of(Y2018, pounds(1_000_000)));
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(2_000_000), BY_COMMITTEE))
                .when(new ReviseSavingProfile(ID, revised, BY_COMMITTEE, null))
                .expectEvents(new SavingProfileRevised(ID, PROGRAMME, COLUMN_B, revised, BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    // ---- SlipSavingToYear and BringSavingForward

    @Test
    void slipSavingToYear_movesPlannedMoneyToALaterYear() {
        fixture.given(PROPOSED)
                .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE, null))
                .expectEvents(new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void bringSavingForward_movesPlannedMoneyToAnEarlierYear() {
        fixture.given(PROPOSED)
                .when(new BringSavingForward(ID, Y2020, Y2019, pounds(696_000), BY_COMMITTEE, null))
                .expectEvents(new SavingBroughtForward(ID, PROGRAMME, Y2020, Y2019, pounds(696_000), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void slipSavingToYear_canMoveExactlyTheWholeUndeliveredPlanOfAYear() {
        fixture.given(PROPOSED)
                .when(new SlipSavingToYear(ID, Y2018, Y2021, pounds(5_379_000), BY_COMMITTEE, null))
                .expectEvents(new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2021, pounds(5_379_000), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void slipSavingToYear_afterADeliveryExactlyPlannedMinusDeliveredCanMove() {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(379_000), BY_COMMITTEE))
                .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(5_000_000), BY_COMMITTEE, null))
                .expectEvents(new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(5_000_000), BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    /** The slipped million arrived in 2020/21: all of that year's 2,696k can come back, and the total is still 10,536k. */
    @Test
    void aSlipKeepsTheTotal_soTheMovedMoneyCanBeBroughtForwardAgain() {
        fixture.given(PROPOSED, new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE))
                .when(new BringSavingForward(ID, Y2020, Y2018, pounds(2_696_000), BY_COMMITTEE, null))
                .expectEvents(new SavingBroughtForward(ID, PROGRAMME, Y2020, Y2018, pounds(2_696_000), BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void moveWithinUndeliveredPlan_slipOfMoreThanIsPlannedAndUndeliveredIsRefused() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new SlipSavingToYear(ID, Y2018, Y2020, Money.of("5379000.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_bringForwardToo() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new BringSavingForward(ID, Y2020, Y2018, Money.of("1696000.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_deliveredMoneyCannotSlip() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(5_000_000), BY_COMMITTEE))
                        .when(new SlipSavingToYear(ID, Y2018, Y2020, Money.of("379000.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_deliveredMoneyCannotBeBroughtForward() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2020, pounds(696_000), BY_COMMITTEE))
                        .when(new BringSavingForward(ID, Y2020, Y2019, Money.of("1000000.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_correctionsCountInWhatWasDelivered() {
        refusedBy(fixture.given(PROPOSED,
                                new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(5_000_000), BY_COMMITTEE),
                                new SavingDeliveryCorrected(ID, PROGRAMME, Y2018, pounds(1_000), BY_COMMITTEE))
                        .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(378_001), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_anOverDeliveredYearHasNothingToMove() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2019, pounds(4_000_000), BY_COMMITTEE))
                        .when(new SlipSavingToYear(ID, Y2019, Y2020, Money.of("0.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_aYearWithNothingPlannedHasNothingToMove() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new BringSavingForward(ID, Y2021, Y2020, pounds(1), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    /** After slipping 1,000k out of 2018/19 only 4,379k is left there to move. */
    @Test
    void moveWithinUndeliveredPlan_slippedMoneyHasLeftItsYear() {
        refusedBy(fixture.given(PROPOSED, new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE))
                        .when(new SlipSavingToYear(ID, Y2018, Y2019, Money.of("4379000.01"), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    @Test
    void moveWithinUndeliveredPlan_aRevisedProfileIsWhatCanMove() {
        refusedBy(fixture.given(PROPOSED, new SavingProfileRevised(ID, PROGRAMME, COLUMN_B,
                                SavingsProfile.of(Map.of(Y2019, pounds(10_536_000))), BY_COMMITTEE))
                        .when(new SlipSavingToYear(ID, Y2018, Y2019, pounds(1), BY_COMMITTEE, null)),
                Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
    }

    // ---- RecordSavingDelivered and CorrectSavingDelivery

    @Test
    void recordSavingDelivered_addsToTheYearsDeliveredTotal() {
        fixture.given(PROPOSED)
                .when(new RecordSavingDelivered(ID, Y2018, pounds(80_835), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(80_835), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordSavingDelivered_aboveWhatIsPlannedIsAllowedBecauseOverDeliveryIsShown() {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(5_379_000), BY_COMMITTEE))
                .when(new RecordSavingDelivered(ID, Y2018, pounds(621_000), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(621_000), BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordSavingDelivered_inAYearWithNothingPlannedIsAllowed() {
        fixture.given(PROPOSED)
                .when(new RecordSavingDelivered(ID, Y2021, pounds(10), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryRecorded(ID, PROGRAMME, Y2021, pounds(10), BY_COMMITTEE));
    }

    @Test
    void correctSavingDelivery_downToExactlyZeroIsAllowed() {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, Money.of("80835.55"), BY_COMMITTEE))
                .when(new CorrectSavingDelivery(ID, Y2018, Money.of("-80835.55"), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryCorrected(ID, PROGRAMME, Y2018, Money.of("-80835.55"), BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void correctSavingDelivery_upwardsIsAllowed() {
        fixture.given(PROPOSED)
                .when(new CorrectSavingDelivery(ID, Y2019, Money.of("716.00"), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryCorrected(ID, PROGRAMME, Y2019, Money.of("716"), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void deliveredNeverNegative_aCorrectionBelowZeroIsRefused() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(80_835), BY_COMMITTEE))
                        .when(new CorrectSavingDelivery(ID, Y2018, Money.of("-80835.01"), BY_COMMITTEE, null)),
                Rule.DELIVERED_NEVER_NEGATIVE);
    }

    @Test
    void deliveredNeverNegative_nothingDeliveredCannotBeCorrectedDown() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new CorrectSavingDelivery(ID, Y2019, Money.of("-0.01"), BY_COMMITTEE, null)),
                Rule.DELIVERED_NEVER_NEGATIVE);
    }

    @Test
    void deliveredNeverNegative_earlierCorrectionsCount() {
        refusedBy(fixture.given(PROPOSED,
                                new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(100), BY_COMMITTEE),
                                new SavingDeliveryCorrected(ID, PROGRAMME, Y2018, pounds(-60), BY_COMMITTEE))
                        .when(new CorrectSavingDelivery(ID, Y2018, pounds(-41), BY_COMMITTEE, null)),
                Rule.DELIVERED_NEVER_NEGATIVE);
    }

    @Test
    void deliveredNeverNegative_anotherYearsDeliveriesDoNotCount() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(100), BY_COMMITTEE))
                        .when(new CorrectSavingDelivery(ID, Y2019, pounds(-1), BY_COMMITTEE, null)),
                Rule.DELIVERED_NEVER_NEGATIVE);
    }

    // ---- years within the programme's period (2018/19..2021/22)

    @Test
    void yearsWithinProgrammePeriod_profileOfAProposal() {
        refusedBy(fixture.givenNoPriorActivity()
                        .when(propose(SavingsProfile.of(Map.of(Y2018, pounds(1), Y2022, pounds(6_219_000))))),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void yearsWithinProgrammePeriod_profileOfARevision() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new ReviseSavingProfile(ID, SavingsProfile.of(Map.of(Y2017, pounds(1))), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void yearsWithinProgrammePeriod_slipBeyondTheLastYear() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new SlipSavingToYear(ID, Y2018, Y2022, pounds(1), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void yearsWithinProgrammePeriod_bringForwardBeforeTheFirstYear() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new BringSavingForward(ID, Y2018, Y2017, pounds(1), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void yearsWithinProgrammePeriod_delivery() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new RecordSavingDelivered(ID, Y2022, pounds(1), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void yearsWithinProgrammePeriod_correction() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new CorrectSavingDelivery(ID, Y2017, pounds(1), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    // ---- stage, confidence, RAG

    @Test
    void changeSavingStage_recordsThePreviousStage() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingStage(ID, Stage.DELIVERED, BY_COMMITTEE, null))
                .expectEvents(new SavingStageChanged(ID, PROGRAMME, Stage.IN_DELIVERY, Stage.DELIVERED, BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeSavingConfidence_recordsThePreviousConfidence() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingConfidence(ID, Confidence.STRETCH, BY_COMMITTEE, null))
                .expectEvents(new SavingConfidenceChanged(ID, PROGRAMME, Confidence.CONFIDENT, Confidence.STRETCH,
                        BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeSavingRag_aFirstStatusHasNoPrevious() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingRag(ID, Rag.AMBER, BY_COMMITTEE, null))
                .expectEvents(new SavingRagChanged(ID, PROGRAMME, null, Rag.AMBER, BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changeSavingRag_recordsThePreviousStatus() {
        fixture.given(PROPOSED, new SavingRagChanged(ID, PROGRAMME, null, Rag.GREEN, BY_COMMITTEE))
                .when(new ChangeSavingRag(ID, Rag.RED, BY_COMMITTEE, null))
                .expectEvents(new SavingRagChanged(ID, PROGRAMME, Rag.GREEN, Rag.RED, BY_COMMITTEE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void noOpChange_settingTheStageItHasWritesNothingAndAnswersTheCurrentVersion() {
        fixture.given(PROPOSED, new SavingRagChanged(ID, PROGRAMME, null, Rag.GREEN, BY_COMMITTEE))
                .when(new ChangeSavingStage(ID, Stage.IN_DELIVERY, BY_COMMITTEE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void noOpChange_settingTheConfidenceItHasWritesNothingAndAnswersTheCurrentVersion() {
        fixture.given(PROPOSED)
                .when(new ChangeSavingConfidence(ID, Confidence.CONFIDENT, BY_COMMITTEE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void noOpChange_settingTheRagItHasWritesNothingAndAnswersTheCurrentVersion() {
        fixture.given(PROPOSED, new SavingRagChanged(ID, PROGRAMME, null, Rag.GREEN, BY_COMMITTEE),
                        new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(1), BY_COMMITTEE))
                .when(new ChangeSavingRag(ID, Rag.GREEN, BY_COMMITTEE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    // ---- totals within the money limit (1000000000000.00, the largest single amount)

    private static final Money LIMIT = Money.MAX;
    private static final SavingsProfile AT_THE_LIMIT = SavingsProfile.of(Map.of(Y2018, LIMIT));
    private static final SavingProposed PROPOSED_AT_THE_LIMIT = new SavingProposed(ID, PROGRAMME, "t", null, null,
            Confidence.CONFIDENT, Stage.IN_DELIVERY, AT_THE_LIMIT, BY_COMMITTEE);
    /** Stored by an earlier release, which checked each amount but not what they add up to. */
    private static final SavingsProfile PAST_THE_LIMIT = SavingsProfile.of(Map.of(Y2018, LIMIT, Y2019, LIMIT));
    private static final SavingProposed PROPOSED_PAST_THE_LIMIT = new SavingProposed(ID, PROGRAMME, "t", null, null,
            Confidence.CONFIDENT, Stage.IN_DELIVERY, PAST_THE_LIMIT, BY_COMMITTEE);

    @Test
    void totalsWithinMoneyLimit_aProposalAtTheLimitIsAllowed() {
        fixture.givenNoPriorActivity()
                .when(new ProposeSaving(ID, PROGRAMME, "t", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                        SavingsProfile.of(Map.of(Y2018, Money.of("999999999999.99"), Y2019, Money.of("0.01"))),
                        BY_COMMITTEE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void totalsWithinMoneyLimit_aProposalWhoseYearsAddUpPastTheLimit() {
        refusedBy(fixture.givenNoPriorActivity().when(propose(PAST_THE_LIMIT)), Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aRevisionWhoseYearsAddUpPastTheLimit() {
        refusedBy(fixture.given(PROPOSED)
                        .when(new ReviseSavingProfile(ID, SavingsProfile.of(Map.of(Y2018, LIMIT, Y2021, Money.of("0.01"))),
                                BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aDeliveryTakingTheYearPastTheLimit() {
        refusedBy(fixture.given(PROPOSED_AT_THE_LIMIT, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, LIMIT, BY_COMMITTEE))
                        .when(new RecordSavingDelivered(ID, Y2018, Money.of("0.01"), BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aDeliveryTakingTheSavingsDeliveredTotalPastTheLimit() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, LIMIT, BY_COMMITTEE))
                        .when(new RecordSavingDelivered(ID, Y2019, Money.of("0.01"), BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_anUpwardCorrectionTakingTheDeliveredTotalPastTheLimit() {
        refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, LIMIT, BY_COMMITTEE))
                        .when(new CorrectSavingDelivery(ID, Y2020, Money.of("0.01"), BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aDeliveryUpToTheLimitIsAllowed() {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, Money.of("999999999999.99"), BY_COMMITTEE))
                .when(new RecordSavingDelivered(ID, Y2019, Money.of("0.01"), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryRecorded(ID, PROGRAMME, Y2019, Money.of("0.01"), BY_COMMITTEE));
    }

    /** A saving stored past the limit by an earlier release still loads, and a downward correction is allowed. */
    @Test
    void totalsWithinMoneyLimit_aDownwardCorrectionOfADeliveredTotalPastTheLimitIsAllowed() {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, LIMIT, BY_COMMITTEE),
                        new SavingDeliveryRecorded(ID, PROGRAMME, Y2019, LIMIT, BY_COMMITTEE))
                .when(new CorrectSavingDelivery(ID, Y2019, Money.of("-0.01"), BY_COMMITTEE, null))
                .expectEvents(new SavingDeliveryCorrected(ID, PROGRAMME, Y2019, Money.of("-0.01"), BY_COMMITTEE))
                .expectResultMessagePayload(3L);
    }

    /** Only a total already past the limit can take a year past it by a slip: then it is the rule, not a failure. */
    @Test
    void totalsWithinMoneyLimit_aSlipTakingAYearPastTheLimit() {
        refusedBy(fixture.given(PROPOSED_PAST_THE_LIMIT)
                        .when(new SlipSavingToYear(ID, Y2018, Y2019, Money.of("0.01"), BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aBringForwardTakingAYearPastTheLimit() {
        refusedBy(fixture.given(PROPOSED_PAST_THE_LIMIT)
                        .when(new BringSavingForward(ID, Y2019, Y2018, LIMIT, BY_COMMITTEE, null)),
                Rule.TOTALS_WITHIN_MONEY_LIMIT);
    }

    @Test
    void totalsWithinMoneyLimit_aSavingPastTheLimitCanBeRevisedBackWithinIt() {
        fixture.given(PROPOSED_PAST_THE_LIMIT)
                .when(new ReviseSavingProfile(ID, AT_THE_LIMIT, BY_COMMITTEE, null))
                .expectEvents(new SavingProfileRevised(ID, PROGRAMME, PAST_THE_LIMIT, AT_THE_LIMIT, BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    // ---- withdrawal

    @Test
    void withdrawSaving_recordsTheWithdrawal() {
        fixture.given(PROPOSED)
                .when(new WithdrawSaving(ID, BY_COMMITTEE, null))
                .expectEvents(WITHDRAWN)
                .expectResultMessagePayload(1L);
    }

    /** Every command a saving takes once it exists, each valid on the open saving. */
    static Stream<Named<Object>> everyCommandToASaving() {
        return Stream.of(
                Named.of("ReviseSavingProfile", new ReviseSavingProfile(ID, COLUMN_B, BY_COMMITTEE, null)),
                Named.of("SlipSavingToYear", new SlipSavingToYear(ID, Y2018, Y2019, pounds(1), BY_COMMITTEE, null)),
                Named.of("BringSavingForward", new BringSavingForward(ID, Y2019, Y2018, pounds(1), BY_COMMITTEE, null)),
                Named.of("RecordSavingDelivered", new RecordSavingDelivered(ID, Y2018, pounds(1), BY_COMMITTEE, null)),
                Named.of("CorrectSavingDelivery", new CorrectSavingDelivery(ID, Y2018, pounds(1), BY_COMMITTEE, null)),
                Named.of("ChangeSavingStage", new ChangeSavingStage(ID, Stage.DELIVERED, BY_COMMITTEE, null)),
                Named.of("ChangeSavingConfidence", new ChangeSavingConfidence(ID, Confidence.STRETCH, BY_COMMITTEE, null)),
                Named.of("ChangeSavingRag", new ChangeSavingRag(ID, Rag.RED, BY_COMMITTEE, null)),
                Named.of("WithdrawSaving (a second withdrawal)", new WithdrawSaving(ID, BY_COMMITTEE, null)),
                Named.of("ChangeSavingDetails", new ChangeSavingDetails(ID, "Newton phase 2", null, null, null,
                        BY_COMMITTEE, null)),
                Named.of("ChangeSavingStage to the stage it has (a no-op)",
                        new ChangeSavingStage(ID, Stage.IN_DELIVERY, BY_COMMITTEE, null)),
                Named.of("ClassifySaving", new ClassifySaving(ID, SavingCategory.COST_AVOIDANCE, null, BY_COMMITTEE, null)),
                Named.of("ReviseSavingPosts", new ReviseSavingPosts(ID, PostsProfile.of(Map.of(Y2018, Fte.of("1"))),
                        BY_COMMITTEE, null)),
                Named.of("RecordSavingPostsDelivered", new RecordSavingPostsDelivered(ID, Y2018, Fte.of("1"), BY_COMMITTEE, null)),
                Named.of("CorrectSavingPostsDelivered", new CorrectSavingPostsDelivered(ID, Y2018, Fte.of("1"), BY_COMMITTEE, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandToASaving")
    void withdrawnSavingIsClosed_toEveryCommand(Object command) {
        refusedBy(fixture.given(PROPOSED, WITHDRAWN).when(command), Rule.WITHDRAWN_SAVING_IS_CLOSED);
    }

    /** The same commands are accepted while the saving is open, so the refusals above are the withdrawal's doing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandToASaving")
    void withdrawnSavingIsClosed_theSameCommandsAreAcceptedBeforeTheWithdrawal(Object command) {
        fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(1), BY_COMMITTEE))
                .when(command)
                .expectSuccessfulHandlerExecution();
    }
}
