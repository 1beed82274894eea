package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side checks a programme's planned and delivered totals across its savings against £1tn
 * with totals it keeps in the ledger directory; they must be the read side's programme totals, or
 * the rule would refuse (or let through) what the programme does not show.
 */
@AllInOneTest
class ProgrammeTotalsLimitTest {

    private static final String RULE = "totals-within-money-limit";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String programme;
    String token;

    @BeforeEach
    void aProgrammeInAnOrganisationOfItsOwn() {
        api = new ApiClient(port);
        String organisation = "county-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        programme = created(api.post("/api/programmes", """
                {"organisation": "%s", "name": "Adult Social Care savings", "savingsTarget": 17981000,
                 "firstYear": "2018/19", "lastYear": "2021/22", "effectiveDate": "2018-02-26"}""".formatted(organisation)));
    }

    @Test
    void theDirectorysProgrammeTotalsAreTheReadSidesAfterEveryKindOfChange() {
        String s1 = created(api.post(savings(), saving("{\"2018/19\": 1000000, \"2019/20\": 500000}")));
        accepted(api.post(saving(s1, "slips"), move("2018/19", "2020/21", "200000")));
        accepted(api.post(saving(s1, "bring-forwards"), move("2020/21", "2019/20", "100000")));
        accepted(api.post(saving(s1, "deliveries"), yearAmount("2018/19", "700000")));
        accepted(api.post(saving(s1, "delivery-corrections"), yearAmount("2018/19", "-50000")));
        accepted(api.post(saving(s1, "profile"), """
                {"profile": {"2018/19": 900000, "2019/20": 600000, "2020/21": 100000}, "reason": "Re-profiled",
                 "effectiveDate": "2018-06-01"}"""));
        String s2 = created(api.post(savings(), saving("{\"2019/20\": 300000}")));
        accepted(api.post(saving(s2, "deliveries"), yearAmount("2019/20", "120000")));
        accepted(api.post(saving(s2, "withdrawal"), "{\"reason\": \"Not pursued\", \"effectiveDate\": \"2019-04-01\"}"));
        String s3 = created(api.post(savings(), saving("{\"2020/21\": 250000.55}")));
        accepted(api.post(saving(s3, "stage"), "{\"stage\": \"BUSINESS_CASE\", \"reason\": \"Case made\", \"effectiveDate\": \"2018-06-01\"}"));
        accepted(api.post(saving(s3, "deliveries"), yearAmount("2020/21", "0.45")));

        // by hand: planned s1 900,000 + 600,000 + 100,000, s2 withdrawn (not counted), s3 250,000.55;
        // delivered s1 700,000 - 50,000, s2 120,000 (counted though withdrawn), s3 0.45
        JsonNode totals = read("/api/programmes/" + programme).path("totals");
        assertThat(totals.path("planned").decimalValue()).isEqualByComparingTo("1850000.55");
        assertThat(totals.path("delivered").decimalValue()).isEqualByComparingTo("770000.45");
        assertThat(directory(programme, "planned_total")).isEqualByComparingTo("1850000.55");
        assertThat(directory(programme, "delivered_total")).isEqualByComparingTo("770000.45");
    }

    @Test
    void aSavingRefusedForTheProgrammesTotalLeavesNoTraceOnEitherSide() {
        String first = created(api.post(savings(), saving("{\"2018/19\": 600000000000}")));
        ApiClient.Reply refused = api.post(savings(), saving("{\"2019/20\": 400000000000.01}"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo(RULE);
        accepted(api.post(saving(first, "rag"), "{\"status\": \"AMBER\", \"reason\": \"Large\"}"));
        JsonNode summary = read("/api/programmes/" + programme);
        assertThat(summary.path("savingsCount").asInt()).isEqualTo(1);
        assertThat(summary.path("totals").path("planned").decimalValue()).isEqualByComparingTo("600000000000.00");
        assertThat(read("/api/programmes/" + programme + "/savings")).hasSize(1);
        assertThat(directory(programme, "planned_total")).isEqualByComparingTo("600000000000.00");
    }

    // ---------------------------------------------------------------------------------------------

    private BigDecimal directory(String id, String column) {
        return jdbc.queryForObject("select " + column + " from ledger_directory where id = ?", BigDecimal.class, id);
    }

    private String savings() {
        return "/api/programmes/" + programme + "/savings";
    }

    private static String saving(String id, String command) {
        return "/api/savings/" + id + "/" + command;
    }

    private static String saving(String profile) {
        return """
                {"title": "Council savings", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "effectiveDate": "2018-02-26", "profile": %s}""".formatted(profile);
    }

    private static String move(String from, String to, String amount) {
        return """
                {"fromYear": "%s", "toYear": "%s", "amount": %s, "reason": "Re-profiled", "effectiveDate": "2018-05-01"}"""
                .formatted(from, to, amount);
    }

    private static String yearAmount(String year, String amount) {
        return "{\"year\": \"" + year + "\", \"amount\": " + amount
                + ", \"reason\": \"Outturn\", \"effectiveDate\": \"2019-03-31\"}";
    }

    private String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        token = reply.json().path("consistencyToken").asText();
        return reply.id();
    }

    private void accepted(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        token = reply.json().path("consistencyToken").asText();
    }

    private JsonNode read(String path) {
        String withToken = path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token;
        ApiClient.Reply reply = api.get(withToken);
        assertThat(reply.status()).as(withToken + " -> " + reply).isEqualTo(200);
        return reply.json();
    }
}
