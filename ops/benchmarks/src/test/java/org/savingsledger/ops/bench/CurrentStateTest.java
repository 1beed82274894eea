package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;
import org.javers.common.date.DateProvider;
import org.javers.core.Javers;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alternative's current state: what each change reads, and what the changed objects hold. */
class CurrentStateTest {

    private static final FinancialYear Y2021 = FinancialYear.of(2021);
    private static final FinancialYear Y2022 = FinancialYear.of(2022);
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("p");
    private static final SavingId SAVING = SavingId.of("p-s1");

    private final List<String> reads = new ArrayList<>();
    private final CurrentState state = new CurrentState(new ReadsOnly(reads));

    @Test
    void aProposedSavingChangesTheSavingAndItsProgrammesList() {
        state.apply(new ProgrammeLaunched(PROGRAMME, "org", "P", null, Money.pounds(1_000), Y2021, Y2022, provenance()));
        List<CurrentState.Audited> changed = propose();

        assertThat(changed).extracting(CurrentState.Audited::id).containsExactly("p-s1", "p");
        assertThat(changed).extracting(CurrentState.Audited::typeName).containsExactly("Saving", "Programme");
        assertThat(changed.get(1).fields()).containsEntry("savingIds", List.of("p-s1"));
        assertThat(reads).containsExactly("p");
    }

    @Test
    void aDeliveryAndItsCorrectionBothAddToTheYearsDeliveredMoney() {
        state.apply(new ProgrammeLaunched(PROGRAMME, "org", "P", null, Money.pounds(1_000), Y2021, Y2022, provenance()));
        propose();
        state.apply(new SavingDeliveryRecorded(SAVING, PROGRAMME, Y2021, Money.pounds(5), provenance()));
        List<CurrentState.Audited> changed = state.apply(new SavingDeliveryCorrected(SAVING, PROGRAMME, Y2021, Money.ofPence(250),
                provenance()));

        assertThat(changed).singleElement().satisfies(saving -> assertThat(saving.fields())
                .containsEntry("delivered", Map.of(Y2021.toString(), new BigDecimal("7.50"))));
        assertThat(reads).containsExactly("p", "p-s1", "p-s1");
    }

    @Test
    void aSlipAndABringForwardBothMovePlannedMoneyBetweenYears() {
        state.apply(new ProgrammeLaunched(PROGRAMME, "org", "P", null, Money.pounds(1_000), Y2021, Y2022, provenance()));
        propose();
        state.apply(new SavingSlippedToYear(SAVING, PROGRAMME, Y2021, Y2022, Money.pounds(30), provenance()));
        List<CurrentState.Audited> changed = state.apply(new SavingBroughtForward(SAVING, PROGRAMME, Y2022, Y2021,
                Money.pounds(10), provenance()));

        // £100 in 2021, then 30 slipped to 2022 and 10 of it brought back: 80 and 20
        @SuppressWarnings("unchecked")
        Map<String, BigDecimal> planned = (Map<String, BigDecimal>) changed.get(0).fields().get("planned");
        assertThat(planned.get(Y2021.toString())).isEqualByComparingTo("80");
        assertThat(planned.get(Y2022.toString())).isEqualByComparingTo("20");
    }

    private List<CurrentState.Audited> propose() {
        return state.apply(new SavingProposed(SAVING, PROGRAMME, "One", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(Map.of(Y2021, Money.pounds(100))), provenance()));
    }

    private static Provenance provenance() {
        return new Provenance("bench", "test", LocalDate.of(2021, 1, 1), null);
    }

    /** Records which documents a change reads; stores nothing. */
    private record ReadsOnly(List<String> reads) implements JaversBackend {

        @Override
        public String name() {
            return "none";
        }

        @Override
        public Javers open(DateProvider clock) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void read(String id) {
            reads.add(id);
        }

        @Override
        public void write(String id, String type, Map<String, Object> fields) {
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }
}
