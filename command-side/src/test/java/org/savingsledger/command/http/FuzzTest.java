package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and malformed requests at every command endpoint (a fixed seed, so a failure
 * repeats): never a 5xx, every refusal is problem+json, and a refusal writes no event.
 */
@LedgerHttpTest
class FuzzTest {

    private static final int PER_ENDPOINT = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object[] ODD_VALUES = {"abc", "", " ", 1.234, -5, 0, "1e400", 1e300, true, null, List.of(), Map.of(),
            "x".repeat(5000), "2018/20", "18/19", "2018", "NOT-AN-ID", "a b", "2018-13-45", "ünïcødé £€", "-0.001",
            99999999999999999L, "AMBER", "red", "IN_DELIVERY", "\u0000", "<script>", "'; drop table domain_event_entry;--"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noInputProducesA5xxOrWritesOnRefusal() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String programme = "fuzz-" + run;
        String saving = "fuzz-s-" + run;
        String committee = "fuzz-c-" + run;
        new ApiClient(port).withOrganisation("fuzzshire");
        assertThat(send("/api/programmes", "application/json", """
                {"id": "%s", "organisation": "fuzzshire", "name": "Fuzz", "savingsTarget": 1000000, "firstYear": "2018/19",
                 "lastYear": "2021/22"}""".formatted(programme)).statusCode()).isEqualTo(201);
        assertThat(send("/api/programmes/" + programme + "/savings", "application/json", """
                {"id": "%s", "title": "t", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 50000, "2019/20": 50000}}""".formatted(saving)).statusCode()).isEqualTo(201);
        assertThat(send("/api/committees", "application/json", """
                {"id": "%s", "organisation": "fuzzshire", "name": "Cabinet"}""".formatted(committee)).statusCode()).isEqualTo(201);

        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/programmes", "{\"organisation\": \"fuzzshire\", \"name\": \"n\", \"savingsTarget\": 100, \"firstYear\": \"2018/19\", \"lastYear\": \"2019/20\"}");
        endpoints.put("/api/programmes/P/target", "{\"savingsTarget\": 900000, \"reason\": \"r\"}");
        endpoints.put("/api/programmes/P/budget-approvals", "{\"amount\": 10, \"reason\": \"r\"}");
        endpoints.put("/api/programmes/P/cost-drawdowns", "{\"amount\": 10, \"reason\": \"r\"}");
        endpoints.put("/api/programmes/P/savings", "{\"title\": \"t\", \"confidence\": \"STRETCH\", \"stage\": \"CONCEPT\", \"profile\": {\"2018/19\": 10}}");
        endpoints.put("/api/savings/S/profile", "{\"profile\": {\"2018/19\": 50000, \"2019/20\": 50000}, \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/slips", "{\"fromYear\": \"2018/19\", \"toYear\": \"2019/20\", \"amount\": 1, \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/bring-forwards", "{\"fromYear\": \"2019/20\", \"toYear\": \"2018/19\", \"amount\": 1, \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/deliveries", "{\"year\": \"2018/19\", \"amount\": 1.5, \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/delivery-corrections", "{\"year\": \"2018/19\", \"amount\": -0.5, \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/confidence", "{\"confidence\": \"STRETCH\", \"reason\": \"r\"}");
        endpoints.put("/api/savings/S/rag", "{\"status\": \"RED\", \"reason\": \"r\"}");
        endpoints.put("/api/committees", "{\"organisation\": \"fuzzshire\", \"name\": \"c\"}");
        endpoints.put("/api/committees/C/programmes", "{\"programmeId\": \"" + programme + "\"}");
        endpoints.put("/api/committees/C/reports", "{\"meetingDate\": \"2018-03-12\", \"title\": \"t\"}");
        endpoints.put("/api/savings/S/withdrawal", "{\"reason\": \"r\"}");

        Random random = new Random(20261122);
        Map<String, Map<Integer, Integer>> answers = new TreeMap<>();
        int sent = 0;
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                String path = endpoint.getKey().replace("/P/", "/" + programme + "/").replace("/S/", "/" + saving + "/")
                        .replace("/C/", "/" + committee + "/");
                String contentType = "application/json";
                String body;
                int mutation = random.nextInt(10);
                switch (mutation) {
                    case 0 -> body = endpoint.getValue();
                    case 1 -> body = mutate(endpoint.getValue(), random, "drop");
                    case 2 -> body = mutate(endpoint.getValue(), random, "extra");
                    case 3, 4, 5 -> body = mutate(endpoint.getValue(), random, "odd");
                    case 6 -> body = endpoint.getValue().substring(0, random.nextInt(endpoint.getValue().length()));
                    case 7 -> {
                        byte[] garbage = new byte[random.nextInt(200)];
                        random.nextBytes(garbage);
                        body = new String(garbage, StandardCharsets.ISO_8859_1);
                    }
                    case 8 -> {
                        body = endpoint.getValue();
                        contentType = random.nextBoolean() ? "text/plain" : "application/xml";
                    }
                    default -> {
                        body = endpoint.getValue();
                        String odd = List.of("UPPER", "a%2Fb", "..", "x".repeat(80), "%00", "-lead", "sp%20ace").get(random.nextInt(7));
                        path = path.replace(programme, odd).replace(saving, odd).replace(committee, odd);
                    }
                }
                long before = events();
                HttpResponse<String> response = send(path, contentType, body);
                int status = response.statusCode();
                answers.computeIfAbsent(endpoint.getKey(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                sent++;
                assertThat(status).as("%s %s -> %s", path, body.length() > 300 ? body.substring(0, 300) : body, response.body())
                        .isLessThan(500);
                if (status >= 400) {
                    assertThat(response.headers().firstValue("Content-Type")).as(path + " " + status)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(events()).as("a refusal wrote an event: %s %s", path, body).isEqualTo(before);
                }
            }
        }
        System.out.println("fuzz: " + sent + " requests at " + endpoints.size() + " command endpoints; answers by endpoint "
                + answers);
        assertThat(sent).isGreaterThanOrEqualTo(2500);
    }

    private static String mutate(String valid, Random random, String how) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(valid);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        String field = fields.get(random.nextInt(fields.size()));
        switch (how) {
            case "drop" -> body.remove(field);
            case "extra" -> body.put(random.nextBoolean() ? "unexpected" : "actor", "someone else");
            default -> {
                Object value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
                JsonNode node = JSON.valueToTree(value);
                if ("1e400".equals(value)) {
                    return JSON.writeValueAsString(body).replace("\"" + field + "\":" + JSON.writeValueAsString(body.get(field)),
                            "\"" + field + "\":1e400");
                }
                body.set(field, node);
            }
        }
        return JSON.writeValueAsString(body);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ApiClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
