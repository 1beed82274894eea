package org.savingsledger.command.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL started beside the building of the context: it is the server of the configured
 * data directory, refused for any other, and stopped with a context that fails before taking it.
 */
class EmbeddedPostgresStartTest {

    @TempDir
    Path dataDir;

    @Test
    void theEarlyServerIsTakenForItsOwnDirectoryOnlyAndThenOutlivesTheStart() throws Exception {
        GenericApplicationContext context = context("");
        EmbeddedPostgresStart start = context.getBean(EmbeddedPostgresStart.class);

        assertThatThrownBy(() -> start.take(dataDir.resolve("elsewhere").resolve("postgres")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was started in " + dataDir.resolve("postgres"));
        EmbeddedPostgres postgres = start.take(dataDir.resolve("postgres"));
        assertThat(answersOne(postgres)).isTrue();
        // taken: the data source's bean stops it when the context closes, not the start
        context.close();
        assertThat(answersOne(postgres)).isTrue();
        postgres.close();
    }

    @Test
    void aContextClosedBeforeTakingTheServerStopsIt() throws Exception {
        GenericApplicationContext context = context("");
        EmbeddedPostgres running = context.getBean(EmbeddedPostgresStart.class).starting().get();
        assertThat(answersOne(running)).isTrue();

        context.close();

        assertThat(answersOne(running)).isFalse();
    }

    @Test
    void aConfiguredServerStartsNothing() {
        GenericApplicationContext context = context("jdbc:postgresql://db.example:5432/ledger");

        assertThat(context.getBeanNamesForType(EmbeddedPostgresStart.class)).isEmpty();
        context.close();
    }

    private GenericApplicationContext context(String datasourceUrl) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(new MockEnvironment().withProperty("ledger.data-dir", dataDir.toString())
                .withProperty("spring.datasource.url", datasourceUrl));
        EmbeddedPostgresStart.initializer().initialize(context);
        context.refresh();
        return context;
    }

    private static boolean answersOne(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet result = connection.createStatement().executeQuery("select 1")) {
            return result.next() && result.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }
}
