package org.savingsledger.query.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.savingsledger.query.bi.ExtractProbe;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million-row {@code saving_years} extract streamed by a separate JVM whose heap is capped at
 * {@value #HEAP}: it must finish with every row, within a bound far above its usual time so that a hang
 * fails the test. The child prints its timings and peak heap for the record; nothing here asserts a
 * speed (benchmarks in ops/ do the measuring).
 */
class MillionRowExtractTest {

    static final String HEAP = "-Xmx256m";
    /**
     * How long the child may take before the test kills it and fails: it takes about 5 s, so only a hung or
     * runaway extract (one that stopped streaming) gets near this, however loaded the machine.
     */
    static final Duration BOUND = Duration.ofMinutes(2);
    // 100 programmes × 200 savings × 50 financial years = 1,000,000 rows. Each saving plans money in a
    // few years (the other years are rows of zeros, as in any extract), which keeps the in-process
    // MongoDB server of this test JVM small.
    private static final int PROGRAMMES = 100;
    private static final int SAVINGS_PER_PROGRAMME = 200;
    private static final int YEARS = 50;
    private static final int PLANNED_YEARS = 3;
    private static final int FIRST_YEAR = 2000;

    @Test
    void aMillionRowsStreamUnderASmallHeap() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        String connection = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(connection)) {
            generate(client.getDatabase("ledger"));

            // The child writes to a file, not a pipe this thread reads: reading a pipe to its end waits for the child
            // to exit, so a bound checked after it could never fail and a hung extract would hang the build.
            Path printed = Files.createTempFile("million-row-extract", ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP, "-cp", System.getProperty("java.class.path"), ExtractProbe.class.getName(), connection, "ledger",
                    "saving_years")
                    .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
            try {
                boolean finished = child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
                if (!finished) {
                    child.destroyForcibly().waitFor();
                }
                String output = Files.readString(printed, StandardCharsets.UTF_8);
                assertThat(finished).as("the extract finished within %s; it printed:%n%s", BOUND, output).isTrue();
                output.lines().filter(line -> line.startsWith("rows=")).forEach(line ->
                        System.out.println("million-row saving_years extract under " + HEAP + ": " + line));

                assertThat(child.exitValue()).as(output).isZero();
                assertThat(output).contains("rows=" + (PROGRAMMES * SAVINGS_PER_PROGRAMME * YEARS));
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(printed);
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** Writes the read models directly, as the projections would. */
    private static void generate(MongoDatabase database) {
        Instant recorded = Instant.parse("2018-03-12T10:15:00Z");
        LocalDate effective = LocalDate.of(2018, 3, 12);
        List<Document> heads = new ArrayList<>();
        List<Document> buckets = new ArrayList<>();
        List<Document> members = new ArrayList<>();
        for (int p = 0; p < PROGRAMMES; p++) {
            String programme = String.format("programme-%04d", p);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("organisation", "council-" + (p % 100));
            attributes.put("name", "Programme " + p);
            attributes.put("firstYear", FIRST_YEAR + "/" + String.format("%02d", (FIRST_YEAR + 1) % 100));
            attributes.put("lastYear", (FIRST_YEAR + YEARS - 1) + "/" + String.format("%02d", (FIRST_YEAR + YEARS) % 100));
            Fact launched = new Fact(0, "ProgrammeLaunched", recorded, effective, "generator", null, null,
                    List.of(new Fact.Change(null, "savingsTarget", BigDecimal.ZERO, new BigDecimal("1000000.00"))),
                    attributes, null);
            heads.add(new Document("_id", programme).append("kind", "PROGRAMME").append("version", 0L)
                    .append("organisation", attributes.get("organisation")));
            buckets.add(new Document("_id", programme + "#0").append("stream", programme).append("kind", "PROGRAMME")
                    .append("facts", List.of(launched.toDocument())));
            List<String> savingIds = new ArrayList<>();
            for (int s = 0; s < SAVINGS_PER_PROGRAMME; s++) {
                String saving = programme + "-saving-" + s;
                savingIds.add(saving);
                List<Fact.Change> changes = new ArrayList<>();
                for (int y = 0; y < PLANNED_YEARS; y++) {
                    int start = FIRST_YEAR + y;
                    changes.add(new Fact.Change(start + "/" + String.format("%02d", (start + 1) % 100), "planned",
                            BigDecimal.ZERO, new BigDecimal(1000 + s + y).setScale(2)));
                }
                Fact proposed = new Fact(0, "SavingProposed", recorded, effective, "generator", null, null,
                        changes, Map.of("title", "Saving " + s + ", \"generated\"", "stage", "IN_DELIVERY",
                        "confidence", "CONFIDENT", "programmeId", programme), null);
                heads.add(new Document("_id", saving).append("kind", "SAVING").append("version", 0L)
                        .append("programmeId", programme).append("planned", new Document("2016/17", new Decimal128(BigDecimal.ONE))));
                buckets.add(new Document("_id", saving + "#0").append("stream", saving).append("kind", "SAVING")
                        .append("facts", List.of(proposed.toDocument())));
            }
            members.add(new Document("_id", programme).append("savingIds", savingIds));
            if (heads.size() >= 2000) {
                flush(database, heads, buckets);
            }
        }
        flush(database, heads, buckets);
        database.getCollection("programme_savings_g1").insertMany(members);
    }

    private static void flush(MongoDatabase database, List<Document> heads, List<Document> buckets) {
        if (!heads.isEmpty()) {
            // the first generation's collections of each kind (see StreamKind)
            for (String kind : List.of("PROGRAMME", "SAVING")) {
                String prefix = kind.toLowerCase(java.util.Locale.ROOT);
                List<Document> kindHeads = heads.stream().filter(d -> kind.equals(d.getString("kind"))).toList();
                List<Document> kindBuckets = buckets.stream().filter(d -> kind.equals(d.getString("kind"))).toList();
                if (!kindHeads.isEmpty()) {
                    database.getCollection(prefix + "_heads_g1").insertMany(kindHeads);
                    database.getCollection(prefix + "_history_g1").insertMany(kindBuckets);
                }
            }
            heads.clear();
            buckets.clear();
        }
    }

}
