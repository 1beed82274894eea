package org.savingsledger.query.bi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.ProgrammeHistoryProjection;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code saving_years} as at now, written from the savings' fold snapshots ({@link SavingYearRows}), against
 * the rows worked out by hand and the general path that folds every programme: the same bytes, with slips,
 * a delivery and its correction, a withdrawal and two programmes; and the general path as at earlier instants.
 */
class SavingYearRowsTest {

    private static final ProgrammeId A = ProgrammeId.of("prog-a");
    private static final ProgrammeId B = ProgrammeId.of("prog-b");
    private static final FinancialYear Y18 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y19 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y20 = FinancialYear.parse("2020/21");
    private static final Instant T0 = Instant.parse("2018-02-26T09:00:00Z");

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private Extraction extraction;

    @BeforeEach
    void ledger() {
        HistoryStore store = new HistoryStore(mongo.database("saving_years_" + System.nanoTime()));
        HistoryWriter writer = new HistoryWriter(HistoryTarget.of(store));
        ProgrammeHistoryProjection programmes = new ProgrammeHistoryProjection(writer);
        SavingHistoryProjection savings = new SavingHistoryProjection(writer);
        programmes.on(new ProgrammeLaunched(A, "notts", "Adults", null, Money.pounds(1_000), Y18, Y19,
                on("2018-02-26")), 0, T0);
        programmes.on(new ProgrammeLaunched(B, "notts", "Children", null, Money.pounds(1_000), Y19, Y19,
                on("2018-02-26")), 0, T0.plusSeconds(1));
        SavingId a1 = SavingId.of("a-1");
        savings.on(proposed(a1, A, Map.of(Y18, Money.pounds(100), Y19, Money.pounds(50))), 0, T0.plusSeconds(10));
        savings.on(new SavingSlippedToYear(a1, A, Y18, Y20, Money.pounds(30), on("2018-06-01")), 1, T0.plusSeconds(11));
        savings.on(new SavingDeliveryRecorded(a1, A, Y18, Money.pounds(40), on("2019-03-15")), 2, T0.plusSeconds(12));
        savings.on(new SavingDeliveryCorrected(a1, A, Y18, Money.of("-5.00"), on("2019-03-20")), 3, T0.plusSeconds(13));
        SavingId a2 = SavingId.of("a-2");
        savings.on(proposed(a2, A, Map.of(Y19, Money.pounds(20))), 0, T0.plusSeconds(20));
        savings.on(new SavingWithdrawn(a2, A, on("2019-01-01")), 1, T0.plusSeconds(21));
        savings.on(proposed(SavingId.of("b-1"), B, Map.of(Y19, Money.pounds(10))), 0, T0.plusSeconds(30));
        extraction = new Extraction(store, Visibility.allOrganisations());
    }

    @Test
    void asAtNowTheRowsAreTheSnapshotsFiguresAsWorkedOutByHandAndTheFoldedPathsBytes() throws IOException {
        BiQuery now = new BiQuery(Instant.now(), LocalDate.now(), null, null);

        String header = "organisation,programme_id,saving_id,year,planned,delivered,slipped_in,slipped_out,withdrawn,"
                + "posts_planned,posts_delivered\r\n";
        // a-1: 100 − 30 slipped to 2020/21 = 70 planned in 2018/19, delivered 40 − 5 = 35; 2020/21 is a year of
        // programme A because a-1 plans in it, so a-2 (withdrawn, its own plan kept) has a row of zeros there too
        assertThat(csv(true, now)).isEqualTo(header
                + "notts,prog-a,a-1,2018/19,70.00,35.00,0.00,30.00,false,0.00,0.00\r\n"
                + "notts,prog-a,a-1,2019/20,50.00,0.00,0.00,0.00,false,0.00,0.00\r\n"
                + "notts,prog-a,a-1,2020/21,30.00,0.00,30.00,0.00,false,0.00,0.00\r\n"
                + "notts,prog-a,a-2,2018/19,0.00,0.00,0.00,0.00,true,0.00,0.00\r\n"
                + "notts,prog-a,a-2,2019/20,20.00,0.00,0.00,0.00,true,0.00,0.00\r\n"
                + "notts,prog-a,a-2,2020/21,0.00,0.00,0.00,0.00,true,0.00,0.00\r\n"
                + "notts,prog-b,b-1,2019/20,10.00,0.00,0.00,0.00,false,0.00,0.00\r\n");
        assertThat(csv(true, now)).isEqualTo(csv(false, now));
        List<Boolean> snapshotsOnly = new ArrayList<>();
        extraction.forEachProgrammeFolds(null, null, now.asAt(), now.effectiveOn(),
                folds -> snapshotsOnly.add(SavingYearRows.write(folds, now.asAt(), now.effectiveOn(), values -> { })));
        assertThat(snapshotsOnly).as("every programme as at now is written from its savings' snapshots")
                .containsExactly(true, true);
    }

    @Test
    void asAtAnEarlierInstantOrEffectiveDateTheProgrammesAreFoldedAsBefore() throws IOException {
        BiQuery beforeTheCorrection = new BiQuery(T0.plusSeconds(12), LocalDate.now(), null, null);
        BiQuery effectiveBeforeTheDelivery = new BiQuery(Instant.now(), LocalDate.of(2018, 12, 31), null, null);

        assertThat(csv(true, beforeTheCorrection)).isEqualTo(csv(false, beforeTheCorrection))
                .contains("notts,prog-a,a-1,2018/19,70.00,40.00,0.00,30.00,false,0.00,0.00\r\n");
        assertThat(csv(true, effectiveBeforeTheDelivery)).isEqualTo(csv(false, effectiveBeforeTheDelivery))
                .contains("notts,prog-a,a-1,2018/19,70.00,0.00,0.00,30.00,false,0.00,0.00\r\n")
                .contains("notts,prog-a,a-2,2019/20,20.00,0.00,0.00,0.00,false,0.00,0.00\r\n");
    }

    private String csv(boolean fromSnapshots, BiQuery query) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExtractFormat.RowWriter writer = ExtractFormat.CSV.open(Dataset.SAVING_YEARS.columns(), out)) {
            if (fromSnapshots) {
                DatasetRows.savingYears(extraction, query, writer);
            } else {
                DatasetRows.savingYearsFolded(extraction, query, writer);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SavingProposed proposed(SavingId saving, ProgrammeId programme, Map<FinancialYear, Money> profile) {
        return new SavingProposed(saving, programme, "Saving " + saving.value(), null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(profile), on("2018-02-26"));
    }

    private static Provenance on(String date) {
        return new Provenance("finance-officer", "why", LocalDate.parse(date), "ASC&PH Committee 2018-03-12 item 9");
    }
}
