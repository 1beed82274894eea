package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations over HTTP: registered by the administrator, named by programmes and committees (an unknown one is
 * refused), named by filters (an unknown or hidden one is a 404), and rolled up across their programmes per financial
 * year as at any instant and effective on any date. Each test registers an organisation of its own.
 */
@AllInOneTest
class OrganisationsTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String organisation;
    String token;

    @BeforeEach
    void anOrganisationOfItsOwn() {
        api = new ApiClient(port);
        organisation = "shire-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registeringAnOrganisationIsForTheAdministratorWithAFreshSlugIdAndAValidGssCode() {
        ApiClient.Reply registered = register(organisation, "E10000099");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.location()).endsWith("/api/organisations/" + organisation);
        assertThat(registered.id()).isEqualTo(organisation);

        problem(register(organisation, null), 409, "urn:savings-ledger:problem:conflict");
        assertThat(register(organisation, null).json().path("detail").asText())
                .isEqualTo("the id '" + organisation + "' is already in use");
        assertThat(fieldOf(problem(register("Shire-County", null), 400, "urn:savings-ledger:problem:invalid-input"))).isEqualTo("id");
        assertThat(fieldOf(problem(register(organisation + "-", null), 400, "urn:savings-ledger:problem:invalid-input"))).isEqualTo("id");
        assertThat(fieldOf(problem(register(organisation + "-b", "E1000009"), 400, "urn:savings-ledger:problem:invalid-input")))
                .isEqualTo("gssCode");
        problem(api.as("finance-notts", "pw").post("/api/organisations", body(organisation + "-c", null)), 403,
                "urn:savings-ledger:problem:forbidden");
        // none of the refused ones was registered
        assertThat(api.get("/api/organisations/" + organisation + "-b").status()).isEqualTo(404);
        assertThat(api.get("/api/organisations/" + organisation + "-c").status()).isEqualTo(404);

        JsonNode view = read("/api/organisations/" + organisation + "?consistencyToken=" + token(registered));
        assertThat(view.path("id").asText()).isEqualTo(organisation);
        assertThat(view.path("name").asText()).isEqualTo("Shire County Council");
        assertThat(view.path("gssCode").asText()).isEqualTo("E10000099");
        assertThat(view.path("programmes")).isEmpty();
        assertThat(view.path("years")).isEmpty();
        assertThat(read("/api/organisations")).extracting(o -> o.path("id").asText()).contains(organisation,
                "nottinghamshire", "leicestershire");
    }

    @Test
    void aProgrammeOrCommitteeNamingAnOrganisationNotRegisteredIsRefusedAndWritesNothing() {
        String programme = "orphan-" + organisation;
        ApiClient.Reply refused = api.post("/api/programmes", programme(programme, organisation, 1000, "2018/19", "2019/20"));
        problem(refused, 422, "urn:savings-ledger:problem:rule:organisation-must-exist");
        assertThat(refused.json().path("rule").asText()).isEqualTo("organisation-must-exist");
        assertThat(refused.json().path("detail").asText()).endsWith("there is no organisation '" + organisation + "'");
        problem(api.post("/api/committees", "{\"organisation\": \"" + organisation + " County Council\", \"name\": \"Cabinet\"}"),
                422, "urn:savings-ledger:problem:rule:organisation-must-exist");

        token(api.post("/api/organisations", body(organisation, null)));
        assertThat(api.get("/api/programmes/" + programme + "?consistencyToken=" + token).status()).isEqualTo(404);
        // once registered, named in any case; recorded as the id
        created(api.post("/api/programmes", programme(programme, organisation.toUpperCase(), 1000, "2018/19", "2019/20")));
        assertThat(read("/api/programmes/" + programme).path("organisation").asText()).isEqualTo(organisation);
    }

    @Test
    void filtersNamingAnOrganisationNotRegisteredOrNotTheCallersAre404NamingIt() {
        created(register(organisation, null));
        String programme = created(api.post("/api/programmes", programme(null, organisation, 1000, "2018/19", "2019/20")));
        String unknown = organisation + "x";

        assertThat(read("/api/programmes?organisation=" + organisation.toUpperCase()))
                .extracting(p -> p.path("id").asText()).containsExactly(programme);
        for (String path : List.of("/api/programmes?organisation=", "/api/years/2018-19?organisation=",
                "/api/bi/programmes.csv?organisation=", "/api/bi/saving_years.jsonl?organisation=",
                "/odata/programmes?$filter=" + URLEncoder.encode("organisation eq '", StandardCharsets.UTF_8))) {
            String suffix = path.startsWith("/odata") ? URLEncoder.encode("'", StandardCharsets.UTF_8) : "";
            ApiClient.Reply notFound = api.get(path + unknown + suffix);
            notFound(path, notFound, "no organisation '" + unknown + "'");

            // another organisation's is answered word for word as one that does not exist
            ApiClient.Reply hidden = api.as("viewer-notts", "pw").get(path + organisation + suffix);
            notFound(path, hidden, "no organisation '" + organisation + "'");
        }
        ApiClient.Reply hidden = api.as("viewer-notts", "pw").get("/api/organisations/" + organisation);
        problem(hidden, 404, "urn:savings-ledger:problem:not-found");
        assertThat(hidden.json().path("detail").asText()).isEqualTo("no organisation '" + organisation + "'");
        assertThat(api.as("viewer-notts", "pw").get("/api/organisations").json())
                .extracting(o -> o.path("id").asText()).containsExactly("nottinghamshire");
        assertThat(api.as("viewer-notts", "pw").get("/api/organisations/nottinghamshire").json().path("gssCode").asText())
                .isEqualTo("E10000024");
    }

    /**
     * Programme A (target £1,000,000, 2018/19–2019/20) plans £300,000 and £200,000 and delivers £120,000.50 in 2018/19,
     * effective 31 March 2019; programme B (target £500,000, 2019/20–2020/21) plans £100,000 and £150,000 and
     * delivers £100,000 in 2019/20, effective 31 March 2020.
     */
    @Test
    void theRollUpSumsItsProgrammesPerYearAsAtAnyInstantAndEffectiveOnAnyDate() {
        Instant beforeRegistration = Instant.now();
        created(register(organisation, null));
        Instant registeredWithoutProgrammes = Instant.now();
        String a = created(api.post("/api/programmes", programme(null, organisation, 1000000, "2018/19", "2019/20")));
        String b = created(api.post("/api/programmes", programme(null, organisation, 500000, "2019/20", "2020/21")));
        String savingA = created(api.post("/api/programmes/" + a + "/savings", saving("{\"2018/19\": 300000, \"2019/20\": 200000}")));
        String savingB = created(api.post("/api/programmes/" + b + "/savings", saving("{\"2019/20\": 100000, \"2020/21\": 150000}")));
        token(api.post("/api/savings/" + savingA + "/deliveries",
                "{\"year\": \"2018/19\", \"amount\": 120000.50, \"reason\": \"outturn\", \"effectiveDate\": \"2019-03-31\"}"));
        token(api.post("/api/savings/" + savingB + "/deliveries",
                "{\"year\": \"2019/20\", \"amount\": 100000, \"reason\": \"outturn\", \"effectiveDate\": \"2020-03-31\"}"));
        String path = "/api/organisations/" + organisation;

        JsonNode now = read(path);
        assertThat(years(now)).containsExactly(
                "2018/19 300000.00 120000.50 179999.50",
                "2019/20 300000.00 100000.00 200000.00",
                "2020/21 150000.00 0.00 150000.00");
        assertThat(figures(now.path("totals"))).isEqualTo("1500000.00 750000.00 220000.50 529999.50");
        List<String> programmes = new ArrayList<>();
        now.path("programmes").forEach(p -> programmes.add(p.path("id").asText() + " " + figures(p)));
        assertThat(programmes).containsExactlyInAnyOrder(a + " 1000000.00 500000.00 120000.50 379999.50",
                b + " 500000.00 250000.00 100000.00 150000.00");

        JsonNode effective = read(path + "?effectiveOn=2019-12-31");
        assertThat(years(effective)).containsExactly(
                "2018/19 300000.00 120000.50 179999.50",
                "2019/20 300000.00 0.00 300000.00",
                "2020/21 150000.00 0.00 150000.00");
        assertThat(figures(effective.path("totals"))).isEqualTo("1500000.00 750000.00 120000.50 629999.50");
        assertThat(effective.path("effectiveOn").asText()).isEqualTo("2019-12-31");

        JsonNode beforeItsProgrammes = read(path + "?asAt=" + registeredWithoutProgrammes);
        assertThat(beforeItsProgrammes.path("programmes")).isEmpty();
        assertThat(figures(beforeItsProgrammes.path("totals"))).isEqualTo("0.00 0.00 0.00 0.00");

        ApiClient.Reply notYet = api.get(path + "?asAt=" + beforeRegistration);
        problem(notYet, 404, "urn:savings-ledger:problem:not-found");
        assertThat(api.get("/api/organisations?asAt=" + beforeRegistration).json())
                .extracting(o -> o.path("id").asText()).doesNotContain(organisation);

        JsonNode year = read("/api/years/2019-20?organisation=" + organisation);
        assertThat(year.path("planned").decimalValue()).isEqualByComparingTo("300000");
        assertThat(year.path("delivered").decimalValue()).isEqualByComparingTo("100000");
    }

    private ApiClient.Reply register(String id, String gssCode) {
        return api.post("/api/organisations", body(id, gssCode));
    }

    private static String body(String id, String gssCode) {
        return "{\"id\": \"" + id + "\", \"name\": \"Shire County Council\""
                + (gssCode == null ? "" : ", \"gssCode\": \"" + gssCode + "\"") + ", \"reason\": \"adopting organisations\"}";
    }

    private static String programme(String id, String organisation, long target, String firstYear, String lastYear) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"organisation\": \"" + organisation
                + "\", \"name\": \"Roll-up\", \"savingsTarget\": " + target + ", \"firstYear\": \"" + firstYear
                + "\", \"lastYear\": \"" + lastYear + "\", \"effectiveDate\": \"2018-02-26\"}";
    }

    private static String saving(String profile) {
        return "{\"title\": \"Reablement\", \"confidence\": \"CONFIDENT\", \"stage\": \"IN_DELIVERY\", "
                + "\"effectiveDate\": \"2018-02-26\", \"profile\": " + profile + "}";
    }

    private static List<String> years(JsonNode view) {
        List<String> years = new ArrayList<>();
        view.path("years").forEach(y -> years.add(y.path("year").asText() + " " + money(y.path("planned")) + " "
                + money(y.path("delivered")) + " " + money(y.path("undelivered"))));
        return years;
    }

    private static String figures(JsonNode figures) {
        return money(figures.path("savingsTarget")) + " " + money(figures.path("planned")) + " "
                + money(figures.path("delivered")) + " " + money(figures.path("undelivered"));
    }

    private static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    private String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        token = token(reply);
        return reply.id();
    }

    private String token(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        token = reply.json().path("consistencyToken").asText();
        return token;
    }

    private JsonNode read(String path) {
        String withToken = path.contains("consistencyToken") || token == null ? path
                : path + (path.contains("?") ? "&" : "?") + "consistencyToken=" + token;
        ApiClient.Reply reply = api.get(withToken);
        assertThat(reply.status()).as(withToken + " -> " + reply).isEqualTo(200);
        return reply.json();
    }

    /** A 404 naming what is not there: a problem, or under /odata an OData error (docs/odata.md). */
    private static void notFound(String path, ApiClient.Reply reply, String message) {
        if (path.startsWith("/odata")) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.json().path("error").path("message").asText()).as(path).isEqualTo(message);
        } else {
            problem(reply, 404, "urn:savings-ledger:problem:not-found");
            assertThat(reply.json().path("detail").asText()).as(path).isEqualTo(message);
        }
    }

    private static JsonNode problem(ApiClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).as(reply.toString()).isEqualTo(type);
        return reply.json();
    }

    private static String fieldOf(JsonNode problem) {
        return problem.path("errors").path(0).path("field").asText();
    }
}
