package org.savingsledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own: the command HTTP API over the event store. Locally it starts an
 * embedded PostgreSQL under {@code ledger.data-dir}; set {@code spring.datasource.url} to use a server.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
