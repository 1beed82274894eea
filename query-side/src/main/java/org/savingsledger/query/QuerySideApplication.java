package org.savingsledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The query side on its own: projections from the event store into MongoDB and the query API.
 * Locally it starts an in-process MongoDB wire-protocol server under {@code ledger.data-dir};
 * set {@code ledger.mongo.uri} to use a MongoDB server or replica set.
 * Its beans are {@link QuerySide}'s, as in the all-in-one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySide.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
