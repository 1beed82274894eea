package org.savingsledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events as the event store writes them, through the one event mapping. */
class EventJsonTest {

    private static final ObjectMapper JSON = org.savingsledger.events.EventJson.objectMapper();

    private static final Provenance PROVENANCE = new Provenance("transformation-director",
            "Newton: 2018/19 at risk", LocalDate.of(2018, 3, 12), "ASC&PH Committee 2018-03-12 item 9");

    @Test
    void aProposalRoundTripsWithPlainMoneyAndYearKeys() throws Exception {
        SavingProposed proposed = new SavingProposed(SavingId.of("notts-asc-column-c"), ProgrammeId.of("notts-asc"),
                "New Newton savings £ é, \"quoted\"", null, null, Confidence.CONFIDENT, Stage.BUSINESS_CASE,
                SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.pounds(712_000),
                        FinancialYear.parse("2021/22"), Money.of("6219000.5"))), PROVENANCE);

        String json = JSON.writeValueAsString(proposed);

        assertThat(json).contains("\"profile\":{\"2018/19\":712000.00,\"2021/22\":6219000.50}",
                "\"savingId\":\"notts-asc-column-c\"", "\"effectiveDate\":\"2018-03-12\"");
        assertThat(JSON.readValue(json, SavingProposed.class)).isEqualTo(proposed);
    }

    @Test
    void aSlipRoundTrips() throws Exception {
        SavingSlippedToYear slip = new SavingSlippedToYear(SavingId.of("b"), ProgrammeId.of("p"),
                FinancialYear.parse("2018/19"), FinancialYear.parse("2020/21"), Money.pounds(1_000_000), PROVENANCE);
        String json = JSON.writeValueAsString(slip);
        assertThat(json).contains("\"amount\":1000000.00", "\"fromYear\":\"2018/19\"");
        assertThat(JSON.readValue(json, SavingSlippedToYear.class)).isEqualTo(slip);
    }

    @Test
    void aReportRoundTripsWithItsInstant() throws Exception {
        PositionReportPresented report = new PositionReportPresented(CommitteeId.of("c"), ReportId.of("r"),
                LocalDate.of(2018, 3, 12), "Savings position", List.of(ProgrammeId.of("p")),
                Instant.parse("2018-03-12T10:15:00Z"), PROVENANCE);
        String json = JSON.writeValueAsString(report);
        assertThat(json).contains("\"presentedAt\":\"2018-03-12T10:15:00Z\"", "\"programmeIds\":[\"p\"]");
        assertThat(JSON.readValue(json, PositionReportPresented.class)).isEqualTo(report);
    }

    @Test
    void fieldsAddedLaterAreIgnoredOnRead() throws Exception {
        String json = "{\"savingId\":\"b\",\"programmeId\":\"p\",\"provenance\":{\"actor\":\"a\",\"effectiveDate\":\"2018-03-12\"},"
                + "\"addedInRevision2\":true}";
        assertThat(JSON.readValue(json, org.savingsledger.events.saving.SavingWithdrawn.class).savingId())
                .isEqualTo(SavingId.of("b"));
    }
}
