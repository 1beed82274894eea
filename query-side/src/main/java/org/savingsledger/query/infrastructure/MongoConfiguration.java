package org.savingsledger.query.infrastructure;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MongoDB for the read models and tracking tokens. With {@code ledger.mongo.uri} set it connects
 * to that server or replica set; otherwise (the zero-install default) it starts an in-process
 * MongoDB wire-protocol server (mongo-java-server) whose data lives in an H2 file under
 * {@code ledger.data-dir}/mongo, committed between whole commands ({@link CommandConsistentH2Backend}),
 * or in memory with {@code ledger.mongo.embedded-storage=memory}.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    /** Owns the embedded server, when there is one, and closes it after the client. */
    record LedgerMongo(MongoClient client, String database, MongoServer embedded, MongoBackend backend)
            implements AutoCloseable {

        @Override
        public void close() {
            client.close();
            if (embedded != null) {
                embedded.shutdown();
            }
        }
    }

    @Bean(destroyMethod = "close")
    LedgerMongo ledgerMongo(@Value("${ledger.mongo.uri:}") String uri,
                            @Value("${ledger.mongo.database:savings_ledger}") String database,
                            @Value("${ledger.mongo.embedded-storage:file}") String storage,
                            @Value("${ledger.data-dir:./data}") String dataDir) throws IOException {
        if (!uri.isBlank()) {
            ConnectionString connection = new ConnectionString(uri);
            return new LedgerMongo(MongoClients.create(connection),
                    connection.getDatabase() != null ? connection.getDatabase() : database, null, null);
        }
        MongoBackend backend;
        if ("memory".equals(storage)) {
            backend = new MemoryBackend();
        } else {
            Path file = Path.of(dataDir, "mongo", "read-models.mv").toAbsolutePath().normalize();
            Files.createDirectories(file.getParent());
            log.info("Starting embedded MongoDB server with its data in {}", file);
            backend = CommandConsistentH2Backend.open(file);
        }
        MongoServer server = new MongoServer(backend);
        String connection = server.bindAndGetConnectionString();
        return new LedgerMongo(MongoClients.create(connection), database, server, backend);
    }

    @Bean
    MongoClient mongoClient(LedgerMongo mongo) {
        return mongo.client();
    }

    @Bean
    MongoDatabase mongoDatabase(LedgerMongo mongo) {
        return mongo.client().getDatabase(mongo.database());
    }
}
