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
