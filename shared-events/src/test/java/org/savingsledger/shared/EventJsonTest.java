package org.savingsledger.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingSlippedToYear;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events as the event store writes them. {@code EventJson.objectMapper()} is the mapper the event store's
 * {@code JacksonSerializer} uses (AxonConfig), so the tests use it rather than a copy, and pin its configuration.
 */
class EventJsonTest {

    private static final ObjectMapper JSON = org.savingsledger.events.EventJson.objectMapper();

    @Test
    void theEventMapperIsConfiguredForExactMoneyIsoDatesAndTolerantReads() {
        assertThat(JSON.getRegisteredModuleIds()).anySatisfy(id -> assertThat(id.toString()).contains("jsr310"));
        assertThat(JSON.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
        assertThat(JSON.getFactory().isEnabled(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)).isTrue();
        assertThat(JSON.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)).isTrue();
        assertThat(JSON.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    }

    @Test
    void moneyIsAPlainDecimalNumberEvenWhenItWasWrittenWithAnExponent() throws Exception {
        SavingProposed proposed = new SavingProposed(SavingId.of("notts-asc-column-a"), ProgrammeId.of("notts-asc"),
                "Column A", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.of(new BigDecimal("6.804E+6")))),
                PROVENANCE);

        String json = JSON.writeValueAsString(proposed);

        assertThat(json).contains("\"profile\":{\"2018/19\":6804000.00}").doesNotContain("E+");
        JsonNode amount = JSON.readTree(json).get("profile").get("2018/19");
        assertThat(amount.isNumber()).as("a JSON number, not a string").isTrue();
        // Jackson's tree strips trailing zeros (6.804E+6): compare its value; the text above is what is stored
        assertThat(amount.decimalValue()).isEqualByComparingTo("6804000.00");
        assertThat(JSON.readValue(json, SavingProposed.class)).isEqualTo(proposed);
        // upcasters read events as trees: from a tree, money is back to the penny
        assertThat(JSON.treeToValue(JSON.readTree(json), SavingProposed.class)).isEqualTo(proposed);
    }

    @Test
    void aPennyAmountSurvivesTheRoundTripExactly() throws Exception {
        SavingSlippedToYear slip = new SavingSlippedToYear(SavingId.of("b"), ProgrammeId.of("p"),
                FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), Money.of("80835.55"), PROVENANCE);
        String json = JSON.writeValueAsString(slip);
        assertThat(json).contains("\"amount\":80835.55");
        assertThat(JSON.readValue(json, SavingSlippedToYear.class).amount().amount()).isEqualTo(new BigDecimal("80835.55"));
    }

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
        assertThat(json).contains("\"amount\":1000000.00", "\"fromYear\":\"2018/19\"", "\"toYear\":\"2020/21\"",
                "\"effectiveDate\":\"2018-03-12\"");
        assertThat(JSON.readValue(json, SavingSlippedToYear.class)).isEqualTo(slip);
    }

    @Test
    void aReportRoundTripsWithItsInstant() throws Exception {
        PositionReportPresented report = new PositionReportPresented(CommitteeId.of("c"), ReportId.of("r"),
                LocalDate.of(2018, 3, 12), "Savings position", List.of(ProgrammeId.of("p")),
                Instant.parse("2018-03-12T10:15:00Z"), PROVENANCE);
        String json = JSON.writeValueAsString(report);
        assertThat(json).contains("\"presentedAt\":\"2018-03-12T10:15:00Z\"", "\"programmeIds\":[\"p\"]",
                "\"meetingDate\":\"2018-03-12\"", "\"figuresEffectiveOn\":\"2018-03-12\"");
        assertThat(JSON.readValue(json, PositionReportPresented.class)).isEqualTo(report);
    }

    @Test
    void fieldsAddedLaterAreIgnoredOnRead() throws Exception {
        String json = "{\"savingId\":\"b\",\"programmeId\":\"p\",\"provenance\":{\"actor\":\"a\",\"effectiveDate\":\"2018-03-12\"},"
                + "\"addedInRevision2\":true}";
        assertThat(JSON.readValue(json, org.savingsledger.events.saving.SavingWithdrawn.class).savingId())
                .isEqualTo(SavingId.of("b"));
    }

    @Test
    void aRevisionOneProposalReadsAsRecurringWithoutCategoryOrPosts() throws Exception {
        String revisionOne = "{\"savingId\":\"notts-asc-column-a\",\"programmeId\":\"notts-asc\",\"title\":\"Column A\","
                + "\"workstream\":null,\"owner\":null,\"confidence\":\"CONFIDENT\",\"stage\":\"IN_DELIVERY\","
                + "\"profile\":{\"2018/19\":6804000.00},\"provenance\":{\"actor\":\"a\",\"reason\":null,"
                + "\"effectiveDate\":\"2018-03-12\",\"decisionRef\":null}}";

        SavingProposed proposed = JSON.readValue(revisionOne, SavingProposed.class);

        assertThat(proposed.recurrence()).isEqualTo(Recurrence.RECURRING);
        assertThat(proposed.category()).isNull();
        assertThat(proposed.posts()).isEqualTo(PostsProfile.EMPTY);
        assertThat(proposed.profile().total()).isEqualTo(Money.pounds(6_804_000));
        assertThat(JSON.treeToValue(JSON.readTree(revisionOne), SavingProposed.class)).isEqualTo(proposed);
    }

    @Test
    void aRevisionTwoProposalKeepsItsRecurrenceCategoryAndPostsToThePenny() throws Exception {
        SavingProposed proposed = new SavingProposed(SavingId.of("leics-libraries"), ProgrammeId.of("leics-tp"),
                "Libraries", null, null, Confidence.CONFIDENT, Stage.CONCEPT,
                SavingsProfile.of(Map.of(FinancialYear.parse("2016/17"), Money.pounds(250_000))), PROVENANCE,
                Recurrence.ONE_OFF, SavingCategory.INCOME_GENERATION,
                PostsProfile.of(Map.of(FinancialYear.parse("2016/17"), Fte.of("2.5"))));

        String json = JSON.writeValueAsString(proposed);

        assertThat(json).contains("\"recurrence\":\"ONE_OFF\"", "\"category\":\"INCOME_GENERATION\"",
                "\"posts\":{\"2016/17\":2.50}");
        assertThat(JSON.readValue(json, SavingProposed.class)).isEqualTo(proposed);
    }
}
