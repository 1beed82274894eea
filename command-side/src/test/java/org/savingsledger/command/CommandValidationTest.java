package org.savingsledger.command;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.programme.ApproveProgrammeBudget;
import org.savingsledger.command.programme.DrawDownProgrammeCost;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.programme.ReviseProgrammeTarget;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.saving.BringSavingForward;
import org.savingsledger.command.saving.ChangeSavingConfidence;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ChangeSavingStage;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Checks of a single field are not business rules: the command records refuse them at construction with an
 * {@link InvalidCommand} naming the field (the API's 400), before any aggregate is loaded.
 */
class CommandValidationTest {

    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final SavingId SAVING = SavingId.of("notts-asc-column-b");
    private static final CommitteeId COMMITTEE = CommitteeId.of("notts-ascph-committee");
    private static final LocalDate DAY = LocalDate.of(2018, 3, 12);
    private static final Provenance WITH_REASON = provenance("Newton: 2018/19 savings at risk");
    private static final Provenance WITHOUT_REASON = provenance(null);
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final Money ONE = Money.pounds(1);
    private static final SavingsProfile PROFILE = SavingsProfile.of(Map.of(Y2018, Money.pounds(5_379_000)));

    private static Provenance provenance(String reason) {
        return new Provenance("transformation-director", reason, DAY, null);
    }

    private static InvalidCommand refused(ThrowingSupplier<?> construction) {
        InvalidCommand invalid = catchThrowableOfType(InvalidCommand.class, construction::get);
        assertThat(invalid).as("an InvalidCommand").isNotNull();
        return invalid;
    }

    private static void refusedOn(String field, ThrowingSupplier<?> construction) {
        assertThat(refused(construction).field()).isEqualTo(field);
    }

    // ---- amounts above zero

    static Stream<Named<Function<Money, Object>>> commandsWhoseAmountMustBeAboveZero() {
        return Stream.of(
                Named.of("ApproveProgrammeBudget", amount -> new ApproveProgrammeBudget(PROGRAMME, amount, WITH_REASON, null)),
                Named.of("DrawDownProgrammeCost", amount -> new DrawDownProgrammeCost(PROGRAMME, amount, WITH_REASON, null)),
                Named.of("SlipSavingToYear", amount -> new SlipSavingToYear(SAVING, Y2018, Y2019, amount, WITH_REASON, null)),
                Named.of("BringSavingForward", amount -> new BringSavingForward(SAVING, Y2019, Y2018, amount, WITH_REASON, null)),
                Named.of("RecordSavingDelivered", amount -> new RecordSavingDelivered(SAVING, Y2018, amount, WITH_REASON, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWhoseAmountMustBeAboveZero")
    void amountAboveZero_zeroIsRefusedOnTheAmountField(Function<Money, Object> command) {
        InvalidCommand invalid = refused(() -> command.apply(Money.ZERO));
        assertThat(invalid.field()).isEqualTo("amount");
        assertThat(invalid.fieldMessage()).isEqualTo("must be greater than 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWhoseAmountMustBeAboveZero")
    void amountAboveZero_negativeIsRefusedOnTheAmountField(Function<Money, Object> command) {
        refusedOn("amount", () -> command.apply(Money.of("-0.01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWhoseAmountMustBeAboveZero")
    void amountAboveZero_aPennyIsAccepted(Function<Money, Object> command) {
        assertThatCode(() -> command.apply(Money.of("0.01"))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsWhoseAmountMustBeAboveZero")
    void amountAboveZero_missingIsRefusedOnTheAmountField(Function<Money, Object> command) {
        refusedOn("amount", () -> command.apply(null));
    }

    @Test
    void correction_ofZeroIsRefusedOnTheAmountField() {
        InvalidCommand invalid = refused(() -> new CorrectSavingDelivery(SAVING, Y2018, Money.ZERO, WITH_REASON, null));
        assertThat(invalid.field()).isEqualTo("amount");
        assertThat(invalid.fieldMessage()).isEqualTo("must not be 0");
    }

    @Test
    void correction_isSignedSoANegativeAmountIsAccepted() {
        assertThatCode(() -> new CorrectSavingDelivery(SAVING, Y2018, Money.of("-80835.55"), WITH_REASON, null))
                .doesNotThrowAnyException();
    }

    @Test
    void savingsTarget_mayBeZeroButNotNegative() {
        assertThatCode(() -> new ReviseProgrammeTarget(PROGRAMME, Money.ZERO, WITH_REASON, null)).doesNotThrowAnyException();
        refusedOn("savingsTarget", () -> new ReviseProgrammeTarget(PROGRAMME, Money.of("-0.01"), WITH_REASON, null));
        refusedOn("savingsTarget", () -> new LaunchProgramme(PROGRAMME, "nottinghamshire", "ASC savings", null,
                Money.of("-1"), Y2018, Y2019, WITH_REASON));
    }

    // ---- direction of a move

    @Test
    void slip_toYearMustBeLaterThanFromYear() {
        refusedOn("toYear", () -> new SlipSavingToYear(SAVING, Y2019, Y2018, ONE, WITH_REASON, null));
        refusedOn("toYear", () -> new SlipSavingToYear(SAVING, Y2018, Y2018, ONE, WITH_REASON, null));
    }

    @Test
    void bringForward_toYearMustBeEarlierThanFromYear() {
        refusedOn("toYear", () -> new BringSavingForward(SAVING, Y2018, Y2019, ONE, WITH_REASON, null));
        refusedOn("toYear", () -> new BringSavingForward(SAVING, Y2018, Y2018, ONE, WITH_REASON, null));
    }

    @Test
    void move_withAMissingYearIsRefusedOnThatYear() {
        refusedOn("fromYear", () -> new SlipSavingToYear(SAVING, null, Y2019, ONE, WITH_REASON, null));
        refusedOn("toYear", () -> new BringSavingForward(SAVING, Y2019, null, ONE, WITH_REASON, null));
    }

    @Test
    void programmePeriod_lastYearMustNotBeBeforeFirstYear() {
        refusedOn("lastYear", () -> new LaunchProgramme(PROGRAMME, "nottinghamshire", "ASC savings", null,
                Money.ZERO, Y2019, Y2018, WITH_REASON));
    }

    // ---- a reason on every change to money, stage, confidence or RAG, and on withdrawal

    static Stream<Named<Function<Provenance, Object>>> commandsThatRequireAReason() {
        return Stream.of(
                Named.of("ReviseProgrammeTarget", p -> new ReviseProgrammeTarget(PROGRAMME, ONE, p, null)),
                Named.of("ApproveProgrammeBudget", p -> new ApproveProgrammeBudget(PROGRAMME, ONE, p, null)),
                Named.of("DrawDownProgrammeCost", p -> new DrawDownProgrammeCost(PROGRAMME, ONE, p, null)),
                Named.of("ReviseSavingProfile", p -> new ReviseSavingProfile(SAVING, PROFILE, p, null)),
                Named.of("SlipSavingToYear", p -> new SlipSavingToYear(SAVING, Y2018, Y2019, ONE, p, null)),
                Named.of("BringSavingForward", p -> new BringSavingForward(SAVING, Y2019, Y2018, ONE, p, null)),
                Named.of("RecordSavingDelivered", p -> new RecordSavingDelivered(SAVING, Y2018, ONE, p, null)),
                Named.of("CorrectSavingDelivery", p -> new CorrectSavingDelivery(SAVING, Y2018, ONE.negate(), p, null)),
                Named.of("ChangeSavingStage", p -> new ChangeSavingStage(SAVING, Stage.DELIVERED, p, null)),
                Named.of("ChangeSavingConfidence", p -> new ChangeSavingConfidence(SAVING, Confidence.STRETCH, p, null)),
                Named.of("ChangeSavingRag", p -> new ChangeSavingRag(SAVING, Rag.AMBER, p, null)),
                Named.of("WithdrawSaving", p -> new WithdrawSaving(SAVING, p, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsThatRequireAReason")
    void reasonRequired_missingIsRefusedOnTheReasonField(Function<Provenance, Object> command) {
        refusedOn("reason", () -> command.apply(WITHOUT_REASON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsThatRequireAReason")
    void reasonRequired_blankIsRefusedOnTheReasonField(Function<Provenance, Object> command) {
        refusedOn("reason", () -> command.apply(provenance(" \t\n")));
    }

    /** Length is the web layer's check (the body's {@code @Size(max = 2000)}); the command only needs a reason. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsThatRequireAReason")
    void reasonRequired_anOverLongReasonIsNotCheckedHere(Function<Provenance, Object> command) {
        assertThatCode(() -> command.apply(provenance("x".repeat(2001)))).doesNotThrowAnyException();
    }

    @Test
    void reasonNotRequired_toCreateAssignOrPresent() {
        assertThatCode(() -> {
            new LaunchProgramme(PROGRAMME, "nottinghamshire", "ASC savings", null, Money.ZERO, Y2018, Y2019, WITHOUT_REASON);
            new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null, Confidence.CONFIDENT, Stage.CONCEPT, PROFILE,
                    WITHOUT_REASON);
            new EstablishCommittee(COMMITTEE, "nottinghamshire", "ASC&PH Committee", WITHOUT_REASON);
            new AssignProgrammeToCommittee(COMMITTEE, PROGRAMME, WITHOUT_REASON, null);
            new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY, "Savings position", null,
                    Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null);
        }).doesNotThrowAnyException();
    }

    // ---- a new saving

    @Test
    void proposal_DELIVEREDIsNotAStageToProposeAt() {
        InvalidCommand invalid = refused(() -> new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null,
                Confidence.CONFIDENT, Stage.DELIVERED, PROFILE, WITHOUT_REASON));
        assertThat(invalid.field()).isEqualTo("stage");
        assertThat(invalid.fieldMessage()).contains("CONCEPT, BUSINESS_CASE, IN_DELIVERY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void proposal_blankTitleIsRefusedOnTheTitleField(String title) {
        refusedOn("title", () -> new ProposeSaving(SAVING, PROGRAMME, title, null, null, Confidence.CONFIDENT,
                Stage.CONCEPT, PROFILE, WITHOUT_REASON));
    }

    @Test
    void proposal_missingTitleConfidenceStageOrProfileIsRefusedOnThatField() {
        refusedOn("title", () -> new ProposeSaving(SAVING, PROGRAMME, null, null, null, Confidence.CONFIDENT,
                Stage.CONCEPT, PROFILE, WITHOUT_REASON));
        refusedOn("confidence", () -> new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null, null,
                Stage.CONCEPT, PROFILE, WITHOUT_REASON));
        refusedOn("stage", () -> new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null, Confidence.CONFIDENT,
                null, PROFILE, WITHOUT_REASON));
        refusedOn("profile", () -> new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null, Confidence.CONFIDENT,
                Stage.CONCEPT, null, WITHOUT_REASON));
    }

    @Test
    void proposal_titleIsTrimmedAndBlankOptionalTextBecomesNull() {
        ProposeSaving proposal = new ProposeSaving(SAVING, PROGRAMME, "  Column B  ", " ", "", Confidence.CONFIDENT,
                Stage.CONCEPT, PROFILE, WITHOUT_REASON);
        assertThat(proposal.title()).isEqualTo("Column B");
        assertThat(proposal.workstream()).isNull();
        assertThat(proposal.owner()).isNull();
    }

    @Test
    void proposal_anEmptyProfileIsAccepted() {
        assertThatCode(() -> new ProposeSaving(SAVING, PROGRAMME, "Column B", null, null, Confidence.CONFIDENT,
                Stage.CONCEPT, SavingsProfile.EMPTY, WITHOUT_REASON)).doesNotThrowAnyException();
    }

    // ---- names and titles elsewhere

    @Test
    void blankNamesAndOrganisationsAreRefusedOnTheirField() {
        refusedOn("organisation", () -> new LaunchProgramme(PROGRAMME, " ", "ASC savings", null, Money.ZERO,
                Y2018, Y2019, WITHOUT_REASON));
        refusedOn("name", () -> new LaunchProgramme(PROGRAMME, "nottinghamshire", "", null, Money.ZERO,
                Y2018, Y2019, WITHOUT_REASON));
        refusedOn("organisation", () -> new EstablishCommittee(COMMITTEE, null, "ASC&PH Committee", WITHOUT_REASON));
        refusedOn("name", () -> new EstablishCommittee(COMMITTEE, "nottinghamshire", " ", WITHOUT_REASON));
        refusedOn("title", () -> new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY, " ", null,
                Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null));
    }

    @Test
    void stageConfidenceAndRagChangesNeedTheirValue() {
        refusedOn("stage", () -> new ChangeSavingStage(SAVING, null, WITH_REASON, null));
        refusedOn("confidence", () -> new ChangeSavingConfidence(SAVING, null, WITH_REASON, null));
        refusedOn("status", () -> new ChangeSavingRag(SAVING, null, WITH_REASON, null));
    }

    @Test
    void assignment_needsAProgrammeId() {
        refusedOn("programmeId", () -> new AssignProgrammeToCommittee(COMMITTEE, null, WITHOUT_REASON, null));
    }

    @Test
    void report_takesEffectAtItsMeetingAndGivesNoFiguresOfLaterThanIt() {
        refusedOn("effectiveDate", () -> new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY.plusDays(1),
                "Savings position", null, Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null));
        refusedOn("figuresEffectiveOn", () -> new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY,
                "Savings position", null, Instant.parse("2018-03-12T10:15:00Z"), DAY.plusDays(1), WITHOUT_REASON, null));
        assertThat(new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY, "Savings position", null,
                Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null).figuresEffectiveOn()).isEqualTo(DAY);
        assertThat(new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY, "Savings position", null,
                Instant.parse("2018-03-12T10:15:00Z"), LocalDate.of(2018, 1, 31), WITHOUT_REASON, null)
                .figuresEffectiveOn()).isEqualTo(LocalDate.of(2018, 1, 31));
    }

    @Test
    void report_needsAMeetingDateAndRefusesANullProgrammeId() {
        refusedOn("meetingDate", () -> new PresentPositionReport(COMMITTEE, ReportId.of("r"), null, "Savings position",
                null, Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null));
        refusedOn("programmeIds", () -> new PresentPositionReport(COMMITTEE, ReportId.of("r"), DAY, "Savings position",
                java.util.Arrays.asList(PROGRAMME, null), Instant.parse("2018-03-12T10:15:00Z"), null, WITHOUT_REASON, null));
    }
}
