package org.savingsledger.ops.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.javers.common.date.DateProvider;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.repository.mongo.MongoRepository;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The alternative on MongoDB: current state as documents in {@code current_state}, JaVers' MongoDB
 * repository beside it, both in a database of their own on the server the ledger's read models use.
 * It uses no MongoDB transaction, so a command's writes are not atomic together (as most such
 * applications are written; the PostgreSQL variant has one).
 */
final class JaversOnMongo implements JaversBackend {

    private final MongoDatabase database;
    private MongoCollection<Document> current;

    JaversOnMongo(MongoClient client, String run) {
        this.database = client.getDatabase("javers_bench_" + run);
    }

    @Override
    public String name() {
        return "MongoDB";
    }

    @Override
    public Javers open(DateProvider clock) {
        database.drop();
        current = database.getCollection("current_state");
        return JaversBuilder.javers().registerJaversRepository(new MongoRepository(database)).withDateTimeProvider(clock).build();
    }

    @Override
    public void read(String id) {
        if (current.find(Filters.eq("_id", id)).first() == null) {
            throw new IllegalStateException("no current state for " + id);
        }
    }

    @Override
    public void write(String id, String type, Map<String, Object> fields) {
        Document document = new Document("_id", id).append("type", type);
        fields.forEach((name, value) -> document.append(name, value instanceof Map<?, ?> amounts ? money(amounts) : value));
        current.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    private static Document money(Map<?, ?> amounts) {
        Document document = new Document();
        // a financial year reads 2024/25; keys stay plain field names
        amounts.forEach((year, amount) -> document.append(year.toString().replace('/', '-'), new Decimal128((BigDecimal) amount)));
        return document;
    }

    @Override
    public void commit() {
        // each write above is already durable on its own
    }

    @Override
    public void close() {
        database.drop();
    }
}
