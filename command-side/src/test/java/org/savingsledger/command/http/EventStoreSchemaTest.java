package org.savingsledger.command.http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerHttpTest
class EventStoreSchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayCreatesTheEventStoreOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("domain_event_entry", "snapshot_event_entry", "ledger_directory", "flyway_schema_history");
    }
}
