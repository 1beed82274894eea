package org.savingsledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The bytes each position report was first served with, in {@code frozen_reports}: the same bytes
 * every time after, whatever generation of the read models serves the figures. A rebuild keeps
 * them; if they were lost, the figures computed as at the report's instant give the same bytes.
 */
@Component
public class FrozenReports {

    private final MongoCollection<Document> frozen;

    public FrozenReports(MongoDatabase database) {
        this.frozen = database.getCollection("frozen_reports");
    }

    /** The bytes a report was first served with, if it was served before. */
    public Optional<String> bytes(String committeeId, String reportId) {
        Document found = frozen.find(Filters.eq("_id", committeeId + "/" + reportId)).first();
        return found == null ? Optional.empty() : Optional.of(found.getString("json"));
    }

    /** Keeps {@code json} unless bytes were kept already (then those win), and answers the bytes to serve. */
    public String freeze(String committeeId, String reportId, String json) {
        frozen.updateOne(Filters.eq("_id", committeeId + "/" + reportId), Updates.setOnInsert("json", json),
                new UpdateOptions().upsert(true));
        return bytes(committeeId, reportId).orElse(json);
    }
}
