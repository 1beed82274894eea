package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The query views reproduce the two council reports from the demo data. */
@AllInOneTest
class DemoReproductionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        // the demo's commands are stored before the server answers; wait until the read models have them all
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
    }

    @Test
    void nottinghamshireFigure1PerYearAndColumn() {
        Instant beforeSlip = slipRecordedAt().minusMillis(1);
        JsonNode a = api.get("/api/savings/notts-asc-column-a?asAt=" + beforeSlip).json();
        JsonNode b = api.get("/api/savings/notts-asc-column-b?asAt=" + beforeSlip).json();
        JsonNode c = api.get("/api/savings/notts-asc-column-c?asAt=" + beforeSlip).json();

        assertThat(thousands(a.path("profile"), "2018/19", "2019/20", "2020/21")).containsExactly("6804", "588", "53");
        assertThat(thousands(b.path("profile"), "2018/19", "2019/20", "2020/21")).containsExactly("5379", "3461", "1696");
        assertThat(thousands(c.path("profile"), "2018/19", "2019/20", "2020/21", "2021/22"))
                .containsExactly("712", "5414", "7878", "6219");
        assertThat(total(a.path("profile"))).isEqualByComparingTo("7445000");
        assertThat(total(b.path("profile"))).isEqualByComparingTo("10536000");
        assertThat(total(c.path("profile"))).isEqualByComparingTo("20223000");
    }

    /**
     * Figure 1's columns A, B and C added up per year, in £'000, by hand from the columns (A 6,804 / 588 / 53;
     * B 5,379 / 3,461 / 1,696; C 712 / 5,414 / 7,878 / 6,219): 12,895 / 9,463 / 9,627 / 6,219 before the slip,
     * and 11,895 / 9,463 / 10,627 / 6,219 once £1.0m of B moved from 2018/19 to 2020/21. Absolute figures, so
     * a fold that got the columns wrong cannot pass by getting its differences right.
     */
    @Test
    void nottinghamshirePerYearTotalsOfColumnsAToCBeforeAndAfterTheSlip() {
        String programme = "/api/programmes/" + DemoData.NOTTS_PROGRAMME;
        assertThat(plannedPerYear(api.get(programme + "?asAt=" + slipRecordedAt().minusMillis(1)).json())).containsExactly(
                "2018/19=12895000.00", "2019/20=9463000.00", "2020/21=9627000.00", "2021/22=6219000.00");
        assertThat(plannedPerYear(api.get(programme).json())).containsExactly(
                "2018/19=11895000.00", "2019/20=9463000.00", "2020/21=10627000.00", "2021/22=6219000.00");
        // Effective the day before the slip (12 March 2018) column C is not there either: it takes effect that
        // day too. What remains is A+B before the slip: 6,804+5,379 / 588+3,461 / 53+1,696 / nothing.
        assertThat(plannedPerYear(api.get(programme + "?effectiveOn=2018-03-11").json())).containsExactly(
                "2018/19=12183000.00", "2019/20=4049000.00", "2020/21=1749000.00", "2021/22=0.00");
    }

    @Test
    void theSlipMovesOneMillionOfTheCouncils2018SavingsTo2020KeepingTheTotal() {
        String programme = "/api/programmes/" + DemoData.NOTTS_PROGRAMME;
        JsonNode before = api.get(programme + "?asAt=" + slipRecordedAt().minusMillis(1)).json();
        JsonNode after = api.get(programme).json();

        assertThat(planned(after, "2018/19").subtract(planned(before, "2018/19"))).isEqualByComparingTo("-1000000");
        assertThat(planned(after, "2020/21").subtract(planned(before, "2020/21"))).isEqualByComparingTo("1000000");
        assertThat(after.path("totals").path("planned").decimalValue())
                .isEqualByComparingTo(before.path("totals").path("planned").decimalValue())
                .isEqualByComparingTo("38204000");
        assertThat(yearLine(after, "2018/19").path("slippedOut").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(yearLine(after, "2020/21").path("slippedIn").decimalValue()).isEqualByComparingTo("1000000");

        // the Council's savings (columns A and B) in 2018/19: 12,183k before, 11,183k after
        Instant beforeSlip = slipRecordedAt().minusMillis(1);
        BigDecimal councilBefore = inYear("notts-asc-column-a", "2018/19", beforeSlip)
                .add(inYear("notts-asc-column-b", "2018/19", beforeSlip));
        BigDecimal councilAfter = inYear("notts-asc-column-a", "2018/19", null)
                .add(inYear("notts-asc-column-b", "2018/19", null));
        assertThat(councilBefore).isEqualByComparingTo("12183000");
        assertThat(councilAfter).isEqualByComparingTo("11183000");
    }

    @Test
    void theHistoryShowsTheSlipWithItsReasonAndAuthority() {
        ApiClient.Reply history = api.get("/api/savings/notts-asc-column-b/history");
        JsonNode slip = history.json().get(1);
        assertThat(slip.path("type").asText()).isEqualTo("SavingSlippedToYear");
        assertThat(slip.path("reason").asText()).contains("slipped to 2020/21");
        assertThat(slip.path("decisionRef").asText()).isEqualTo("ASC&PH Committee 2018-03-12 item 9");
        assertThat(slip.path("effectiveDate").asText()).isEqualTo("2018-03-12");
        assertThat(slip.path("actor").asText()).isEqualTo("demo");
        // the raw body: money as written, plain decimals to the penny
        assertThat(history.body())
                .contains("{\"year\":\"2018/19\",\"field\":\"planned\",\"before\":5379000.00,\"after\":4379000.00}")
                .contains("{\"year\":\"2020/21\",\"field\":\"planned\",\"before\":1696000.00,\"after\":2696000.00}");
    }

    @Test
    void theCommitteeReportShowsTheFiguresBeforeTheSlipAndItsChangesShowTheSlip() {
        String report = "/api/committees/notts-ascph-committee/reports/notts-ascph-2018-03-12";
        JsonNode frozen = api.get(report).json();
        assertThat(plannedPerYear(frozen.path("programmes").get(0))).containsExactly(
                "2018/19=12895000.00", "2019/20=9463000.00", "2020/21=9627000.00", "2021/22=6219000.00");

        JsonNode changes = api.get(report + "/changes").json();
        JsonNode years = changes.path("programmes").get(0).path("years");
        assertThat(years.get(0).path("plannedDelta").decimalValue()).isEqualByComparingTo("-1000000");
        assertThat(years.get(2).path("plannedDelta").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(changes.path("history")).hasSize(1);
        assertThat(changes.path("history").get(0).path("savingId").asText()).isEqualTo("notts-asc-column-b");
    }

    @Test
    void leicestershireFigure2InYearAndCumulative() {
        JsonNode programme = api.get("/api/programmes/" + DemoData.LEICS_PROGRAMME).json();
        List<String> inYear = new ArrayList<>();
        List<String> cumulative = new ArrayList<>();
        programme.path("years").forEach(year -> {
            inYear.add(year.path("planned").decimalValue().stripTrailingZeros().toPlainString());
            cumulative.add(year.path("cumulativePlanned").decimalValue().stripTrailingZeros().toPlainString());
        });
        assertThat(inYear).containsExactly("9900000", "9000000", "9300000", "7200000");
        assertThat(cumulative).containsExactly("9900000", "18900000", "28200000", "35400000");
        assertThat(programme.path("totals").path("gapToTarget").decimalValue()).isEqualByComparingTo("0");
    }

    private Instant slipRecordedAt() {
        return Instant.parse(api.get("/api/savings/notts-asc-column-b/history").json().get(1).path("recordedAt").asText());
    }

    private BigDecimal inYear(String saving, String year, Instant asAt) {
        JsonNode view = api.get("/api/savings/" + saving + (asAt == null ? "" : "?asAt=" + asAt)).json();
        return view.path("profile").path(year).decimalValue();
    }

    private static List<String> thousands(JsonNode profile, String... years) {
        List<String> values = new ArrayList<>();
        for (String year : years) {
            values.add(profile.path(year).decimalValue().movePointLeft(3).stripTrailingZeros().toPlainString());
        }
        return values;
    }

    private static BigDecimal total(JsonNode profile) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode amount : profile) {
            total = total.add(amount.decimalValue());
        }
        return total;
    }

    private static JsonNode yearLine(JsonNode programme, String year) {
        for (JsonNode line : programme.path("years")) {
            if (line.path("year").asText().equals(year)) {
                return line;
            }
        }
        throw new AssertionError("no year " + year + " in " + programme);
    }

    /** Each year's planned savings as "year=pounds" to the penny (the tree model drops trailing zeros; a third decimal throws). */
    private static List<String> plannedPerYear(JsonNode programme) {
        List<String> years = new ArrayList<>();
        programme.path("years").forEach(line -> years.add(line.path("year").asText() + "="
                + line.path("planned").decimalValue().setScale(2).toPlainString()));
        return years;
    }

    private static BigDecimal planned(JsonNode programme, String year) {
        return yearLine(programme, year).path("planned").decimalValue();
    }
}
