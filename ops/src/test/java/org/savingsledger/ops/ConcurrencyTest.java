package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSideApplication;
import org.savingsledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many clients changing a handful of savings at once, through two command-side instances on one
 * event store: no update is lost, no invariant breaks, conflicts are 409 only where the client sent
 * {@code expectedVersion} (otherwise they are retried), and the read models equal a rebuild from the
 * events.
 */
class ConcurrencyTest {

    private static final String ADMIN = "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD;
    private static final String NO_MONGO = "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration";
    private static final List<String> YEARS = List.of("2018/19", "2019/20", "2020/21");
    private static final int THREADS = 16;
    private static final int COMMANDS = 3000;
    private static final int SAVINGS = 4;

    @Test
    void sixteenClientsOnTwoInstancesLoseNothingAndBreakNoRule() throws Exception {
        Path dataDir = Path.of("target", "concurrency-test", UUID.randomUUID().toString());
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString() + "/savings_ledger";
        try (ConfigurableApplicationContext first = SpringApplication.run(CommandSideApplication.class, "--server.port=0",
                "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off", NO_MONGO, ADMIN)) {
            String eventStore = first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext second = SpringApplication.run(CommandSideApplication.class, "--server.port=0",
                    "--spring.datasource.url=" + eventStore, "--spring.datasource.username=postgres",
                    "--spring.main.banner-mode=off", NO_MONGO, ADMIN);
                 ConfigurableApplicationContext queries = SpringApplication.run(QuerySideApplication.class, "--server.port=0",
                         "--spring.datasource.url=" + eventStore, "--spring.datasource.username=postgres",
                         "--ledger.mongo.uri=" + mongoUri, "--spring.main.banner-mode=off", ADMIN)) {
                run(new ApiClient[] {new ApiClient(port(first)), new ApiClient(port(second))}, new ApiClient(port(queries)),
                        retries(first) , retries(second));
                System.out.printf("retries by the two command-side instances: %.0f + %.0f%n", retries(first), retries(second));
                // the instances did race (and the losers were retried rather than answered 409)
                assertThat(retries(first) + retries(second)).isPositive();
            }
        } finally {
            mongo.shutdown();
        }
    }

    private static void run(ApiClient[] instances, ApiClient queryApi, double retriesBefore1, double retriesBefore2)
            throws Exception {
        instances[0].withOrganisation("nottinghamshire");
        String programme = instances[0].post("/api/programmes", """
                {"organisation": "nottinghamshire", "name": "Concurrency", "savingsTarget": 10000000,
                 "firstYear": "2018/19", "lastYear": "2020/21"}""").json().path("id").asText();
        List<String> savings = new ArrayList<>();
        for (int i = 0; i < SAVINGS; i++) {
            savings.add(instances[i % 2].post("/api/programmes/" + programme + "/savings", """
                    {"title": "Saving %d", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                     "profile": {"2018/19": 100000, "2019/20": 100000, "2020/21": 100000}}""".formatted(i))
                    .json().path("id").asText());
        }
        Map<String, BigDecimal> delivered = new ConcurrentHashMap<>();
        Map<String, Long> lastVersion = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger conflictsWithoutExpectedVersion = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            clients.add(pool.submit(() -> {
                for (int n = 0; n < COMMANDS / THREADS; n++) {
                    String saving = savings.get(random.nextInt(SAVINGS));
                    ApiClient api = instances[random.nextInt(2)];
                    boolean withVersion = random.nextInt(4) == 0;
                    String year = YEARS.get(random.nextInt(YEARS.size()));
                    String later = YEARS.get(Math.min(YEARS.size() - 1, YEARS.indexOf(year) + 1));
                    String version = withVersion ? ", \"expectedVersion\": " + lastVersion.getOrDefault(saving, 0L) : "";
                    int kind = random.nextInt(4);
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5000), 2);
                    ApiClient.Reply reply = switch (kind) {
                        case 0 -> api.post("/api/savings/" + saving + "/deliveries", "{\"year\": \"%s\", \"amount\": %s, \"reason\": \"outturn\"%s}"
                                .formatted(year, amount, version));
                        case 1 -> api.post("/api/savings/" + saving + "/delivery-corrections",
                                "{\"year\": \"%s\", \"amount\": -%s, \"reason\": \"correction\"%s}".formatted(year, amount, version));
                        case 2 -> api.post("/api/savings/" + saving + "/slips", "{\"fromYear\": \"%s\", \"toYear\": \"%s\", \"amount\": %s, \"reason\": \"slip\"%s}"
                                .formatted(YEARS.get(0), later.equals(YEARS.get(0)) ? YEARS.get(1) : later, amount.multiply(BigDecimal.TEN), version));
                        default -> api.post("/api/savings/" + saving + "/bring-forwards", "{\"fromYear\": \"%s\", \"toYear\": \"%s\", \"amount\": %s, \"reason\": \"ahead\"%s}"
                                .formatted(YEARS.get(2), YEARS.get(1), amount.multiply(BigDecimal.TEN), version));
                    };
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (reply.status() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                    if (reply.status() == 409 && !withVersion) {
                        conflictsWithoutExpectedVersion.incrementAndGet();
                    }
                    if (reply.status() == 200) {
                        lastVersion.merge(saving, reply.json().path("version").asLong(), Math::max);
                        if (kind <= 1) {
                            delivered.merge(saving + " " + year, kind == 0 ? amount : amount.negate(), BigDecimal::add);
                        }
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        System.out.printf("concurrency: sent in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        System.out.println("concurrency: " + COMMANDS + " commands from " + THREADS + " threads to " + SAVINGS
                + " savings over 2 instances; answers by status " + statuses);

        assertThat(serverErrors).hasValue(0);
        assertThat(conflictsWithoutExpectedVersion).hasValue(0);
        assertThat(statuses.get(200).get()).isGreaterThan(COMMANDS / 2);

        String head = instances[0].post("/api/programmes/" + programme + "/target",
                "{\"savingsTarget\": 10000001, \"reason\": \"barrier: a real change, so its token comes after every command above\"}").json().path("consistencyToken").asText();
        // the query side may still be projecting the burst: wait for it (each read itself waits 5 s at most)
        await().atMost(Duration.ofSeconds(120)).until(() ->
                queryApi.get("/api/savings/" + savings.get(0) + "?consistencyToken=" + head).status() == 200);
        Map<String, String> views = new java.util.TreeMap<>();
        for (String saving : savings) {
            ApiClient.Reply read = queryApi.get("/api/savings/" + saving + "?consistencyToken=" + head);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            JsonNode view = read.json();
            views.put(saving, view.toString());
            BigDecimal planned = BigDecimal.ZERO;
            for (String year : YEARS) {
                BigDecimal plannedIn = view.path("profile").path(year).decimalValue();
                assertThat(plannedIn).as(saving + " planned " + year).isNotNegative();
                planned = planned.add(plannedIn);
                BigDecimal deliveredIn = view.path("delivered").path(year).isMissingNode() ? BigDecimal.ZERO
                        : view.path("delivered").path(year).decimalValue();
                assertThat(deliveredIn).as(saving + " delivered " + year)
                        .isEqualByComparingTo(delivered.getOrDefault(saving + " " + year, BigDecimal.ZERO));
                assertThat(deliveredIn).isNotNegative();
            }
            assertThat(planned).as(saving + " planned in all (slips and bring-forwards move money, never make it)")
                    .isEqualByComparingTo("300000");
            assertThat(view.path("version").asLong()).isEqualTo(lastVersion.getOrDefault(saving, 0L));
        }

        // the read models equal a rebuild from the events
        assertThat(queryApi.post("/admin/read-models/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode models = queryApi.get("/admin/read-models").json().path("readModels");
            for (JsonNode model : models) {
                if (!model.path("rebuild").isNull() || model.path("activeGeneration").asInt() < 2) {
                    return false;
                }
            }
            return true;
        });
        for (String saving : savings) {
            assertThat(queryApi.get("/api/savings/" + saving).json().toString()).isEqualTo(views.get(saving));
        }
    }

    private static double retries(ConfigurableApplicationContext context) {
        var counter = context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("ledger.commands.retries").counter();
        return counter == null ? 0 : counter.count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
