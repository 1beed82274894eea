package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator watches: health of the event store, MongoDB and the processors, and processor lag. */
@AllInOneTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthShowsTheEventStoreMongoAndEveryProcessor() {
        ApiClient api = new ApiClient(port);
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
        JsonNode processors = health.path("components").path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").path("saving-history").path("running").asBoolean()).isTrue();
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void everyMeterTheDashboardAndAlertsUseIsServed() throws Exception {
        ApiClient api = new ApiClient(port);
        api.post("/api/programmes", "{\"name\": \"refused: no organisation\"}");
        api.get("/api/programmes");
        api.get("/api/bi/programmes.csv");
        String metrics = api.get("/actuator/prometheus").body();
        String monitoring = java.nio.file.Files.readString(java.nio.file.Path.of("monitoring", "grafana-dashboard.json"))
                + java.nio.file.Files.readString(java.nio.file.Path.of("monitoring", "savings-ledger-alerts.yml"));
        java.util.regex.Matcher meter = java.util.regex.Pattern.compile("\\b((?:ledger|http_server|jvm)_[a-z_]+)").matcher(monitoring);
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (meter.find()) {
            used.add(meter.group(1));
        }
        assertThat(used).contains("ledger_commands_seconds_count", "ledger_processor_lag_events",
                "ledger_processor_events_total", "ledger_bi_rows_total");
        assertThat(used).allSatisfy(name -> assertThat(metrics).contains(name));
    }

    @Test
    void requestLatencyHistogramsHaveTheirNineBucketsAndInfinityOnly() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/years/2018-19").status()).isEqualTo(200);
        String metrics = api.get("/actuator/prometheus").body();
        java.util.List<Double> bounds = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{") && line.contains("method=\"GET\"")
                        && line.contains("status=\"200\"") && line.contains("uri=\"/api/years/{year}\""))
                .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le))
                .toList();
        // the SLO boundaries of command-side.yml and query-side.yml, in seconds: 10 series per endpoint and status
        assertThat(bounds).containsExactlyInAnyOrder(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                Double.POSITIVE_INFINITY);
    }

    @Test
    void theDashboardListsEveryInstancePrometheusScrapesNotOnlyThoseThatRanACommand() throws Exception {
        String prometheus = java.nio.file.Files.readString(java.nio.file.Path.of("monitoring", "prometheus.yml"));
        java.util.regex.Matcher job = java.util.regex.Pattern.compile("job_name:\\s*(\\S+)").matcher(prometheus);
        assertThat(job.find()).isTrue();
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("monitoring", "grafana-dashboard.json").toFile());
        com.fasterxml.jackson.databind.JsonNode instance = null;
        for (com.fasterxml.jackson.databind.JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("name").asText().equals("instance")) {
                instance = variable;
            }
        }
        assertThat(instance).isNotNull();
        assertThat(instance.path("query").asText()).isEqualTo("label_values(up{job=\"" + job.group(1) + "\"}, instance)");
        assertThat(instance.path("includeAll").asBoolean()).isTrue();
        assertThat(instance.path("allValue").asText()).isEqualTo(".*");
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Test
    void lagRisesWhileAProcessorIsPausedAndFallsToZeroWhenItResumes() {
        ApiClient api = new ApiClient(port).withOrganisation("lag-test");
        var processor = processing.eventProcessor("committee-history",
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/committees", "{\"organisation\": \"lag-test\", \"name\": \"Cabinet " + i + "\"}")
                        .status()).isEqualTo(201);
            }
            assertThat(lag(api, "committee-history")).isGreaterThanOrEqualTo(3);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> lagSeconds(api, "committee-history") > 0);
        } finally {
            processor.start();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> lag(api, "committee-history") == 0 && lagSeconds(api, "committee-history") == 0);
    }

    private static double lagSeconds(ApiClient api, String processor) {
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("ledger_processor_lag_seconds\\{processor=\"" + processor + "\"[^}]*} ([0-9.E-]+)")
                .matcher(api.get("/actuator/prometheus").body());
        assertThat(value.find()).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static double lag(ApiClient api, String processor) {
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("ledger_processor_lag_events\\{processor=\"" + processor + "\"[^}]*} ([0-9.E]+)")
                .matcher(api.get("/actuator/prometheus").body());
        assertThat(value.find()).isTrue();
        return Double.parseDouble(value.group(1));
    }

    /**
     * A read-model processor stores its position only after its batch is in MongoDB: with a
     * transaction manager Axon would store it first, and a consistency token could be honoured by a
     * read model that does not hold the event yet.
     */
    @Test
    void readModelProcessorsStoreTheirPositionAfterTheirWrites() {
        for (String processor : org.savingsledger.query.infrastructure.QueryAxonConfig.READ_MODEL_PROCESSORS) {
            assertThat(processing.transactionManager(processor))
                    .isSameAs(org.axonframework.common.transaction.NoTransactionManager.instance());
        }
    }

    @Test
    void lagIsZeroOnceTheReadModelsHaveEverything() {
        ApiClient api = new ApiClient(port);
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
        String metrics = api.get("/actuator/prometheus").body();
        for (String processor : new String[] {"saving-history", "programme-history", "committee-history"}) {
            assertThat(metrics).containsPattern("ledger_processor_lag_events\\{processor=\"" + processor + "\"[^}]*} 0\\.0");
        }
    }
}
