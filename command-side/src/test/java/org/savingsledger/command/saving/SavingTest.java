package org.savingsledger.command.saving;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.BusinessRuleViolation;
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
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.startsWith;

/** Nottinghamshire's column B, 12 March 2018: 5,379k / 3,461k / 1,696k in a programme running 2018/19 to 2021/22. */
class SavingTest {

    private static final SavingId ID = SavingId.of("notts-asc-column-b");
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final Provenance BY_COMMITTEE = new Provenance("transformation-director",
            "Newton: 2018/19 savings at risk", LocalDate.of(2018, 3, 12), "ASC&PH Committee 2018-03-12 item 9");
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y2020 = FinancialYear.parse("2020/21");
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

    private static void refusedBy(ResultValidator<Saving> result, Rule rule) {
        result.expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(startsWith(rule.description()))
                .expectNoEvents();
    }

    @Nested
    class SuccessPaths {

        @Test
        void canProposeASaving() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeSaving(ID, PROGRAMME, "Council savings in scope of Newton analysis",
                            "Promoting Independence Interventions", "Service Director", Confidence.CONFIDENT,
                            Stage.IN_DELIVERY, COLUMN_B, BY_COMMITTEE))
                    .expectEvents(PROPOSED);
        }

        @Test
        void canReviseTheWholeProfileRecordingWhatItReplaced() {
            SavingsProfile revised = SavingsProfile.of(Map.of(Y2019, pounds(10_536_000)));
            fixture.given(PROPOSED)
                    .when(new ReviseSavingProfile(ID, revised, BY_COMMITTEE, null))
                    .expectEvents(new SavingProfileRevised(ID, PROGRAMME, COLUMN_B, revised, BY_COMMITTEE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void canSlipToALaterYear() {
            fixture.given(PROPOSED)
                    .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE, null))
                    .expectEvents(new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void canBringForwardToAnEarlierYear() {
            fixture.given(PROPOSED)
                    .when(new BringSavingForward(ID, Y2020, Y2019, pounds(696_000), BY_COMMITTEE, null))
                    .expectEvents(new SavingBroughtForward(ID, PROGRAMME, Y2020, Y2019, pounds(696_000), BY_COMMITTEE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void canMoveExactlyWhatIsPlannedAndUndelivered() {
            fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(379_000), BY_COMMITTEE))
                    .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(5_000_000), BY_COMMITTEE, null))
                    .expectEvents(new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(5_000_000), BY_COMMITTEE));
        }

        @Test
        void aSlipAndABringForwardKeepTheTotalSoTheMovedMoneyCanMoveBack() {
            fixture.given(PROPOSED, new SavingSlippedToYear(ID, PROGRAMME, Y2018, Y2020, pounds(1_000_000), BY_COMMITTEE))
                    .when(new BringSavingForward(ID, Y2020, Y2018, pounds(2_696_000), BY_COMMITTEE, null))
                    .expectEvents(new SavingBroughtForward(ID, PROGRAMME, Y2020, Y2018, pounds(2_696_000), BY_COMMITTEE))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void canRecordADeliveryAboveWhatIsPlanned() {
            fixture.given(PROPOSED)
                    .when(new RecordSavingDelivered(ID, Y2018, pounds(6_000_000), BY_COMMITTEE, null))
                    .expectEvents(new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(6_000_000), BY_COMMITTEE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void canCorrectADeliveryDownToExactlyZero() {
            fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(80_835), BY_COMMITTEE))
                    .when(new CorrectSavingDelivery(ID, Y2018, pounds(-80_835), BY_COMMITTEE, null))
                    .expectEvents(new SavingDeliveryCorrected(ID, PROGRAMME, Y2018, pounds(-80_835), BY_COMMITTEE))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void canCorrectADeliveryUpwards() {
            fixture.given(PROPOSED)
                    .when(new CorrectSavingDelivery(ID, Y2019, Money.of("716.00"), BY_COMMITTEE, null))
                    .expectEvents(new SavingDeliveryCorrected(ID, PROGRAMME, Y2019, Money.of("716"), BY_COMMITTEE));
        }

        @Test
        void canChangeStageConfidenceAndRag() {
            fixture.given(PROPOSED)
                    .when(new ChangeSavingStage(ID, Stage.DELIVERED, BY_COMMITTEE, null))
                    .expectEvents(new SavingStageChanged(ID, PROGRAMME, Stage.IN_DELIVERY, Stage.DELIVERED, BY_COMMITTEE))
                    .expectResultMessagePayload(1L);
            fixture.given(PROPOSED)
                    .when(new ChangeSavingConfidence(ID, Confidence.STRETCH, BY_COMMITTEE, null))
                    .expectEvents(new SavingConfidenceChanged(ID, PROGRAMME, Confidence.CONFIDENT, Confidence.STRETCH,
                            BY_COMMITTEE));
            fixture.given(PROPOSED, new SavingRagChanged(ID, PROGRAMME, null, Rag.GREEN, BY_COMMITTEE))
                    .when(new ChangeSavingRag(ID, Rag.RED, BY_COMMITTEE, null))
                    .expectEvents(new SavingRagChanged(ID, PROGRAMME, Rag.GREEN, Rag.RED, BY_COMMITTEE))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aFirstRagStatusHasNoPrevious() {
            fixture.given(PROPOSED)
                    .when(new ChangeSavingRag(ID, Rag.AMBER, BY_COMMITTEE, null))
                    .expectEvents(new SavingRagChanged(ID, PROGRAMME, null, Rag.AMBER, BY_COMMITTEE));
        }

        @Test
        void settingTheValueItAlreadyHasWritesNothingAndAnswersTheCurrentVersion() {
            fixture.given(PROPOSED, new SavingRagChanged(ID, PROGRAMME, null, Rag.GREEN, BY_COMMITTEE))
                    .when(new ChangeSavingRag(ID, Rag.GREEN, BY_COMMITTEE, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
            fixture.given(PROPOSED)
                    .when(new ChangeSavingStage(ID, Stage.IN_DELIVERY, BY_COMMITTEE, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
            fixture.given(PROPOSED)
                    .when(new ChangeSavingConfidence(ID, Confidence.CONFIDENT, BY_COMMITTEE, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void canWithdraw() {
            fixture.given(PROPOSED)
                    .when(new WithdrawSaving(ID, BY_COMMITTEE, null))
                    .expectEvents(WITHDRAWN)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cannotProposeUnderAProgrammeThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeSaving(ID, ProgrammeId.of("no-such-programme"), "t", null, null,
                            Confidence.CONFIDENT, Stage.CONCEPT, COLUMN_B, BY_COMMITTEE))
                    .expectException(UnknownIdentifier.class)
                    .expectNoEvents();
        }

        @Test
        void cannotProposeWithAnIdInUse() {
            directory.taken(ID.value(), LedgerKind.REPORT);
            fixture.givenNoPriorActivity()
                    .when(new ProposeSaving(ID, PROGRAMME, "t", null, null, Confidence.CONFIDENT, Stage.CONCEPT,
                            COLUMN_B, BY_COMMITTEE))
                    .expectException(DuplicateIdentifier.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class MoveWithinUndeliveredPlan {

        @Test
        void moveWithinUndeliveredPlan_aSlipOfMoreThanIsPlannedIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new SlipSavingToYear(ID, Y2018, Y2020, Money.of("5379000.01"), BY_COMMITTEE, null)),
                    Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
        }

        @Test
        void moveWithinUndeliveredPlan_deliveredMoneyCannotSlip() {
            refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2018, pounds(5_000_000), BY_COMMITTEE))
                    .when(new SlipSavingToYear(ID, Y2018, Y2020, pounds(379_001), BY_COMMITTEE, null)),
                    Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
        }

        @Test
        void moveWithinUndeliveredPlan_overDeliveredYearsHaveNothingToMove() {
            refusedBy(fixture.given(PROPOSED, new SavingDeliveryRecorded(ID, PROGRAMME, Y2019, pounds(4_000_000), BY_COMMITTEE))
                    .when(new SlipSavingToYear(ID, Y2019, Y2020, Money.of("0.01"), BY_COMMITTEE, null)),
                    Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
        }

        @Test
        void moveWithinUndeliveredPlan_aBringForwardOfMoreThanIsPlannedIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new BringSavingForward(ID, Y2020, Y2018, pounds(1_696_001), BY_COMMITTEE, null)),
                    Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
        }

        @Test
        void moveWithinUndeliveredPlan_aYearWithNothingPlannedHasNothingToMove() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new BringSavingForward(ID, FinancialYear.parse("2021/22"), Y2020, pounds(1), BY_COMMITTEE, null)),
                    Rule.MOVE_WITHIN_UNDELIVERED_PLAN);
        }
    }

    @Nested
    class YearsWithinProgrammePeriod {

        @Test
        void yearsWithinProgrammePeriod_aProposalProfileOutsideIsRefused() {
            refusedBy(fixture.givenNoPriorActivity()
                    .when(new ProposeSaving(ID, PROGRAMME, "t", null, null, Confidence.CONFIDENT, Stage.CONCEPT,
                            SavingsProfile.of(Map.of(Y2022, pounds(6_219_000))), BY_COMMITTEE)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }

        @Test
        void yearsWithinProgrammePeriod_aRevisedProfileOutsideIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new ReviseSavingProfile(ID, SavingsProfile.of(Map.of(FinancialYear.parse("2017/18"), pounds(1))),
                            BY_COMMITTEE, null)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }

        @Test
        void yearsWithinProgrammePeriod_aSlipBeyondTheLastYearIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new SlipSavingToYear(ID, Y2018, Y2022, pounds(1), BY_COMMITTEE, null)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }

        @Test
        void yearsWithinProgrammePeriod_aBringForwardBeforeTheFirstYearIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new BringSavingForward(ID, Y2018, FinancialYear.parse("2017/18"), pounds(1), BY_COMMITTEE, null)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }

        @Test
        void yearsWithinProgrammePeriod_aDeliveryOutsideIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new RecordSavingDelivered(ID, Y2022, pounds(1), BY_COMMITTEE, null)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }

        @Test
        void yearsWithinProgrammePeriod_aCorrectionOutsideIsRefused() {
            refusedBy(fixture.given(PROPOSED)
                    .when(new CorrectSavingDelivery(ID, Y2022, pounds(1), BY_COMMITTEE, null)),
                    Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
        }
    }

    @Nested
    class DeliveredNeverNegative {

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
    }

    @Nested
    class WithdrawnSavingIsClosed {

        private void refusedAfterWithdrawal(Object command) {
            refusedBy(fixture.given(PROPOSED, WITHDRAWN).when(command), Rule.WITHDRAWN_SAVING_IS_CLOSED);
        }

        @Test
        void withdrawnSavingIsClosed_toEveryCommand() {
            refusedAfterWithdrawal(new ReviseSavingProfile(ID, COLUMN_B, BY_COMMITTEE, null));
            refusedAfterWithdrawal(new SlipSavingToYear(ID, Y2018, Y2019, pounds(1), BY_COMMITTEE, null));
            refusedAfterWithdrawal(new BringSavingForward(ID, Y2019, Y2018, pounds(1), BY_COMMITTEE, null));
            refusedAfterWithdrawal(new RecordSavingDelivered(ID, Y2018, pounds(1), BY_COMMITTEE, null));
            refusedAfterWithdrawal(new CorrectSavingDelivery(ID, Y2018, pounds(1), BY_COMMITTEE, null));
            refusedAfterWithdrawal(new ChangeSavingStage(ID, Stage.DELIVERED, BY_COMMITTEE, null));
            refusedAfterWithdrawal(new ChangeSavingConfidence(ID, Confidence.STRETCH, BY_COMMITTEE, null));
            refusedAfterWithdrawal(new ChangeSavingRag(ID, Rag.RED, BY_COMMITTEE, null));
        }

        @Test
        void withdrawnSavingIsClosed_evenToANoOpChange() {
            refusedAfterWithdrawal(new ChangeSavingStage(ID, Stage.IN_DELIVERY, BY_COMMITTEE, null));
        }

        @Test
        void withdrawnSavingIsClosed_aSecondWithdrawalIsRefused() {
            refusedAfterWithdrawal(new WithdrawSaving(ID, BY_COMMITTEE, null));
        }
    }
}
