package org.savingsledger.ops.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.savingsledger.query.history.HistoryStore;

/**
 * A second embedded MongoDB server (mongo-java-server, as the ledger's own) on its in-memory backend,
 * for a rebuild's read models and tokens: the same projections, batches and wire protocol as a
 * rebuild into the ledger's H2 file, without the H2 store underneath, so the rebuild's time is the
 * projection code's and the event store's own.
 */
final class InMemoryReadModels implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final TokenStore tokenStore;

    InMemoryReadModels(Serializer serializer) {
        this.server = new MongoServer(new MemoryBackend());
        this.client = MongoClients.create(server.bindAndGetConnectionString());
        this.database = client.getDatabase("savings_ledger_bench");
        this.tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .build();
    }

    /** A store of every read model's first generation, its indexes created. */
    HistoryStore store() {
        return new HistoryStore(database);
    }

    TokenStore tokenStore() {
        return tokenStore;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
