package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sixteen clients slipping money on the same savings at once, in the all-in-one at its default
 * connection pool (the read models' processors draw on the same pool): every request is answered
 * promptly and truthfully. Each slip answered 2xx is in the event store exactly once, nothing
 * answered otherwise is, no answer is a 500, no saving's total changes, and the read models equal a
 * rebuild from the events. With and without {@code Idempotency-Key}, on one saving and spread over four.
 */
@AllInOneTest
class CommandRaceTest {

    private static final int CLIENTS = 16;
    private static final int SLIPS_PER_CLIENT = 20;
    private static final BigDecimal PLANNED = new BigDecimal("1000.00");
    private static final BigDecimal SLIP = new BigDecimal("1.00");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sixteenClientsSlippingAtOnceAreEachAnsweredTruthfullyAndRecordedOnce() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize())
                .as("the all-in-one's default pool").isEqualTo(10);
        ApiClient api = new ApiClient(port);
        List<Race> races = List.of(new Race(1, false), new Race(1, true), new Race(4, false), new Race(4, true));
        Map<String, String> views = new TreeMap<>();
        long head = 0;
        for (Race race : races) {
            head = Math.max(head, race.run(api));
        }
        for (Race race : races) {
            race.check();
        }
        String token = Long.toString(head);
        // the read models keep up: they were not starved of connections by the commands
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/savings/" + races.get(0).savings.get(0) + "?consistencyToken=" + token).status() == 200);
        for (Race race : races) {
            for (String saving : race.savings) {
                JsonNode view = api.get("/api/savings/" + saving + "?consistencyToken=" + token).json();
                BigDecimal moved = SLIP.multiply(BigDecimal.valueOf(race.accepted(saving)));
                assertThat(view.path("profile").path("2018/19").decimalValue()).as(saving + " 2018/19")
                        .isEqualByComparingTo(PLANNED.subtract(moved));
                assertThat(view.path("profile").path("2019/20").decimalValue()).as(saving + " 2019/20")
                        .isEqualByComparingTo(moved);
                assertThat(total(view.path("profile"))).as(saving + " total: a slip moves money, never makes it")
                        .isEqualByComparingTo(PLANNED);
                views.put(saving, view.toString());
                views.put(saving + "/history", api.get("/api/savings/" + saving + "/history").body());
            }
        }

        rebuildReadModels(api);
        views.forEach((path, before) -> {
            String after = path.endsWith("/history") ? api.get("/api/savings/" + path).body()
                    : api.get("/api/savings/" + path).json().toString();
            assertThat(after).as(path + " after a rebuild").isEqualTo(before);
        });
    }

    /** One burst: {@link #CLIENTS} clients × {@link #SLIPS_PER_CLIENT} slips over {@code savingsCount} savings. */
    private final class Race {

        final int savingsCount;
        final boolean idempotencyKeys;
        final List<String> savings = new ArrayList<>();
        final Collection<Answer> answers = new ConcurrentLinkedQueue<>();

        Race(int savingsCount, boolean idempotencyKeys) {
            this.savingsCount = savingsCount;
            this.idempotencyKeys = idempotencyKeys;
        }

        /** Sends the burst and answers the highest consistency token it was given. */
        long run(ApiClient api) throws Exception {
            api.withOrganisation("racingshire");
            String programme = api.post("/api/programmes", """
                    {"organisation": "racingshire", "name": "Race", "savingsTarget": 10000,
                     "firstYear": "2018/19", "lastYear": "2020/21"}""").json().path("id").asText();
            for (int i = 0; i < savingsCount; i++) {
                ApiClient.Reply saving = api.post("/api/programmes/" + programme + "/savings", """
                        {"title": "Race %d", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                         "profile": {"2018/19": %s}}""".formatted(i, PLANNED));
                assertThat(saving.status()).as(saving.toString()).isEqualTo(201);
                savings.add(saving.id());
            }
            String run = UUID.randomUUID().toString().substring(0, 8);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    sent.add(clients.submit(() -> {
                        for (int n = 0; n < SLIPS_PER_CLIENT; n++) {
                            String saving = savings.get((client + n) % savingsCount);
                            answers.add(slip(saving, "race " + run + " client " + client + " slip " + n));
                        }
                        return null;
                    }));
                }
                for (Future<?> client : sent) {
                    client.get();
                }
            } finally {
                clients.shutdownNow();
            }
            return answers.stream().filter(Answer::succeeded)
                    .mapToLong(answer -> answer.json().path("consistencyToken").asLong()).max().orElse(0);
        }

        private Answer slip(String saving, String reason) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/savings/" + saving + "/slips"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", ApiClient.adminAuthorization())
                    // far below the 30 s a request waited for a pool connection before the fix
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"fromYear": "2018/19", "toYear": "2019/20", "amount": %s, "reason": "%s"}""".formatted(SLIP, reason)));
            if (idempotencyKeys) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(saving, reason, response.statusCode(), response.body());
            } catch (HttpTimeoutException e) {
                return new Answer(saving, reason, 0, "no answer within 20 s");
            }
        }

        long accepted(String saving) {
            return answers.stream().filter(answer -> answer.saving.equals(saving) && answer.succeeded()).count();
        }

        void check() {
            String race = savingsCount + " saving(s), " + (idempotencyKeys ? "with" : "without") + " Idempotency-Key";
            Map<String, Long> recorded = new HashMap<>();
            for (String saving : savings) {
                jdbc.queryForList("select convert_from(payload, 'UTF8')::jsonb #>> '{provenance,reason}' from domain_event_entry "
                                + "where aggregate_identifier = ? and payload_type like '%.SavingSlippedToYear'", String.class, saving)
                        .forEach(reason -> recorded.merge(reason, 1L, Long::sum));
            }
            List<Answer> succeeded = answers.stream().filter(Answer::succeeded).toList();
            List<Answer> failed = answers.stream().filter(answer -> !answer.succeeded()).toList();
            Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));

            assertThat(answers).as(race).hasSize(CLIENTS * SLIPS_PER_CLIENT);
            assertThat(recorded.values().stream().mapToLong(Long::longValue).sum())
                    .as("%s: slip events against 2xx answers %s", race, statuses).isEqualTo(succeeded.size());
            assertThat(succeeded).as("%s: every slip answered 2xx is recorded exactly once", race)
                    .allSatisfy(answer -> assertThat(recorded.get(answer.reason)).as(answer.reason).isEqualTo(1L));
            assertThat(failed).as("%s: no slip answered otherwise is recorded", race)
                    .allSatisfy(answer -> assertThat(recorded).as(answer.toString()).doesNotContainKey(answer.reason));
            assertThat(failed).as("%s: no 500, no request left unanswered", race)
                    .noneMatch(answer -> answer.status == 500 || answer.status == 0);
            assertThat(failed).as("%s: a pool of 10 serves 16 clients; answers by status %s", race, statuses).isEmpty();
        }
    }

    private record Answer(String saving, String reason, int status, String body) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body + " (" + reason + ")";
        }
    }

    private static BigDecimal total(JsonNode profile) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode amount : profile) {
            total = total.add(amount.decimalValue());
        }
        return total;
    }

    /** Rebuilds every read model from the events (the administrators' endpoint) and waits until the new ones serve. */
    private static void rebuildReadModels(ApiClient api) {
        Map<String, Integer> before = new HashMap<>();
        api.get("/admin/read-models").json().path("readModels")
                .forEach(model -> before.put(model.path("name").asText(), model.path("activeGeneration").asInt()));
        ApiClient.Reply started = api.post("/admin/read-models/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode model : api.get("/admin/read-models").json().path("readModels")) {
                if (!model.path("rebuild").isNull()
                        || model.path("activeGeneration").asInt() <= before.get(model.path("name").asText())) {
                    return false;
                }
            }
            return true;
        });
    }
}
