package org.savingsledger.command;

import org.savingsledger.command.infrastructure.EmbeddedPostgresStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The command side on its own: the command HTTP API over the event store. Locally it starts an
 * embedded PostgreSQL under {@code ledger.data-dir}; set {@code spring.datasource.url} to use a server.
 * Its beans are {@link CommandSide}'s, as in the all-in-one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandSide.class)
public class CommandSideApplication {

    public static void main(String[] args) {
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        // the embedded PostgreSQL's first start (initdb) runs beside the building of the context
        application.addInitializers(EmbeddedPostgresStart.initializer());
        application.run(args);
    }
}
