package org.savingsledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side on its own: projections from the event store into MongoDB and the query API.
 * Locally it starts an in-process MongoDB wire-protocol server under {@code ledger.data-dir};
 * set {@code ledger.mongo.uri} to use a MongoDB server or replica set.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // These machines have no internet: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
