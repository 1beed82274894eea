package org.savingsledger.command.imports;

import org.junit.jupiter.api.Test;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ChangeSavingStage;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.SavingPosition;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlannerTest {

    private static final FinancialYear Y18 = FinancialYear.of(2018);
    private static final FinancialYear Y19 = FinancialYear.of(2019);
    private static final String HEADER = "As at,2018-03-12\r\nUnits,£'000\r\nDecision reference,ASC&PH 2018-03-12 item 9\r\n"
            + "Programme,Saving id,Title,Stage,Confidence,RAG,Planned 2018/19,Planned 2019/20,Delivered 2018/19\r\n";
    private static final Provenance ROW_5 = new Provenance("j.smith", "import notts.csv row 5", LocalDate.of(2018, 3, 12),
            "ASC&PH 2018-03-12 item 9");

    private final FakeImportLedger ledger = new FakeImportLedger();

    @Test
    void aNewSavingIsProposedThenItsDeliveryAndRagRecorded() {
        ImportPlan plan = plan("notts-asc,ASC 01,Column B,Business case,Confident,Amber,5379,3461,80.83555\r\n");

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.commands()).extracting(PlannedCommand::row).containsOnly(5);
        assertThat(plan.commands()).extracting(PlannedCommand::command).containsExactly(
                new ProposeSaving(new SavingId("asc-01"), new ProgrammeId("notts-asc"), "Column B", null, null, Confidence.CONFIDENT,
                        Stage.BUSINESS_CASE, SavingsProfile.of(Map.of(Y18, Money.of("5379000"), Y19, Money.of("3461000"))),
                        ROW_5, null, null, null),
                new RecordSavingDelivered(new SavingId("asc-01"), Y18, Money.of("80835.55"), ROW_5, 0L),
                new ChangeSavingRag(new SavingId("asc-01"), Rag.AMBER, ROW_5, 1L));
        assertThat(plan.commands()).extracting(PlannedCommand::summary).containsExactly(
                "propose saving \"Column B\" in notts-asc, planned 2018/19 £5,379,000.00, 2019/20 £3,461,000.00",
                "record delivery 2018/19: £80,835.55",
                "set RAG AMBER");
    }

    @Test
    void aSavingThatAlreadyAgreesSendsNothing() {
        ledger.existing("asc-01", 6, "5379000", "3461000", "80835.55", Stage.BUSINESS_CASE, Rag.AMBER);

        ImportPlan plan = plan("notts-asc,ASC 01,Column B,Business case,Confident,Amber,5379,3461,80.83555\r\n");

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.commands()).isEmpty();
    }

    @Test
    void whatDiffersIsChangedFromTheVersionThePlanSaw() {
        ledger.existing("asc-01", 6, "5379000", "3461000", "80835.55", Stage.BUSINESS_CASE, Rag.AMBER);

        // 2019/20 planned down to 3,000,000; delivered down to 50,000 (a correction of -30,835.55); stage moved on
        ImportPlan plan = plan("notts-asc,ASC 01,Column B,In delivery,Confident,Amber,5379,3000,50\r\n");

        assertThat(plan.commands()).extracting(PlannedCommand::command).containsExactly(
                new ReviseSavingProfile(new SavingId("asc-01"), SavingsProfile.of(Map.of(Y18, Money.of("5379000"),
                        Y19, Money.of("3000000"))), ROW_5, 6L),
                new CorrectSavingDelivery(new SavingId("asc-01"), Y18, Money.of("-30835.55"), ROW_5, 7L),
                new ChangeSavingStage(new SavingId("asc-01"), Stage.IN_DELIVERY, ROW_5, 8L));
        assertThat(plan.commands().get(1).summary())
                .isEqualTo("correct delivery 2018/19: -£30,835.55, from £80,835.55 to £50,000.00");
    }

    @Test
    void refusesWhatTheLedgerWouldRefuseNamingTheCell() {
        ledger.programmes.put("rutland-asc", new ProgrammeEntry(new ProgrammeId("rutland-asc"), "rutland", Y18, Y19));
        ledger.existing("asc-02", 0, "1", "0", "0", Stage.CONCEPT, null);
        ledger.savings.put("asc-03", new ImportLedger.ExistingSaving(position("other-asc", "1", "0", "0", Stage.CONCEPT, null),
                "nottinghamshire", 0));

        ImportPlan plan = plan("rutland-asc,R 01,Other council,Concept,Stretch,,1,,\r\n"
                + "notts-asc,ASC 05,,,Stretch,,1,,\r\n"
                + "notts-asc,ASC 03,Moved,Concept,Stretch,,1,,\r\n");
        ImportPlan outside = TrackerPlan.of(HEADER.replace("Delivered 2018/19", "Delivered 2020/21"),
                "notts-asc,ASC 02,Late,Concept,Stretch,,1,0,7\r\n", ledger);

        assertThat(plan.problems()).extracting(TrackerProblem::toString).containsExactly(
                "notts!A5: no programme \"rutland-asc\" in organisation nottinghamshire",
                "notts!B6: saving \"asc-05\" is new to the ledger and needs Title, Stage",
                "notts!A7: saving \"asc-03\" is not in programme \"notts-asc\": a saving cannot move to another programme");
        assertThat(outside.problems()).extracting(TrackerProblem::toString).containsExactly(
                "notts!I5: 2020/21 is outside programme \"notts-asc\", which runs from 2018/19 to 2019/20");
    }

    @Test
    void aWithdrawnColumnWithdrawsButNeverBringsBack() {
        ledger.existing("asc-01", 6, "5379000", "3461000", "80835.55", Stage.BUSINESS_CASE, Rag.AMBER);
        ledger.savings.put("asc-02", new ImportLedger.ExistingSaving(new SavingPosition(new ProgrammeId("notts-asc"), "Old",
                null, null, null, Stage.CONCEPT, Confidence.STRETCH, null, true, Recurrence.RECURRING, null, new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>()), "nottinghamshire", 3));
        String header = HEADER.replace("Delivered 2018/19", "Delivered 2018/19,Withdrawn");

        ImportPlan plan = TrackerPlan.of(header, "notts-asc,ASC 01,Column B,Business case,Confident,Amber,5379,3461,80.83555,Yes\r\n"
                + "notts-asc,ASC 02,Old,Concept,Stretch,,,,,No\r\n", ledger);

        assertThat(plan.commands()).extracting(PlannedCommand::command)
                .containsExactly(new WithdrawSaving(new SavingId("asc-01"), ROW_5, 6L));
        assertThat(plan.problems()).extracting(TrackerProblem::toString).containsExactly(
                "notts!J6: saving \"asc-02\" is withdrawn in the ledger and cannot be brought back");
    }

    private ImportPlan plan(String rows) {
        return TrackerPlan.of(HEADER, rows, ledger);
    }

    static SavingPosition position(String programme, String planned18, String planned19, String delivered18, Stage stage,
                                           Rag rag) {
        return new SavingPosition(new ProgrammeId(programme), "Column B", null, null, null, stage, Confidence.CONFIDENT, rag,
                false, Recurrence.RECURRING, null, new TreeMap<>(Map.of(Y18, new BigDecimal(planned18), Y19,
                new BigDecimal(planned19))), new TreeMap<>(Map.of(Y18, new BigDecimal(delivered18))), new TreeMap<>(),
                new TreeMap<>());
    }

    /** A tracker read from CSV text and planned for nottinghamshire by j.smith. */
    private static final class TrackerPlan {

        static ImportPlan of(String header, String rows, ImportLedger ledger) {
            Tracker tracker = TrackerReader.read("notts.csv", (header + rows).getBytes(StandardCharsets.UTF_8), TrackerMapping.NONE);
            return ImportPlanner.plan(tracker, "nottinghamshire", "j.smith", ledger);
        }
    }
}
