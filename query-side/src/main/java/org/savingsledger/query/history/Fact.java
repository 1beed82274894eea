package org.savingsledger.query.history;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.Provenance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of a stream (a saving, a programme or a committee) as the read side keeps it: when it
 * was recorded and when it takes effect, who made it and why, and what it changed. Money changes
 * carry the figure before and after in recording order; queries fold the deltas of the facts they
 * include, so a query "as at" any instant and "effective on" any date is a fold over one stream's
 * facts, never a replay of the store.
 * <p>
 * A fact is a function of its event alone, so a rebuild writes exactly what the live processor wrote.
 * It names its event by stream and {@code version} (the aggregate and its sequence number, unique in
 * the event store). It does not keep the event's position in the store: a processor's tracking token
 * is not that position when the event fills a gap (a transaction that committed after a later one:
 * the token then stands at the later event).
 *
 * @param type       the event's stable name ({@link EventType#stableName()}), never its class name
 * @param attributes non-money values the event set (title, stage, programme assigned, report…), as strings or string lists
 * @param move       for a slip or bring-forward, the money moved between years; otherwise null
 */
public record Fact(long version, String type, Instant recordedAt, LocalDate effectiveDate,
                   String actor, String reason, String decisionRef, List<Change> changes,
                   Map<String, Object> attributes, Move move) {

    public Fact {
        changes = List.copyOf(changes);
        attributes = Map.copyOf(attributes);
    }

    /**
     * The fact of {@code event}, the {@code version}th of its stream, recorded at {@code recordedAt}:
     * its type and provenance from the event, what it changed from the projection that read it.
     */
    public static Fact of(LedgerEvent event, long version, Instant recordedAt, List<Change> changes,
                          Map<String, Object> attributes, Move move) {
        Provenance provenance = event.provenance();
        return new Fact(version, EventType.of(event).stableName(), recordedAt, provenance.effectiveDate(),
                provenance.actor(), provenance.reason(), provenance.decisionRef(), changes, attributes, move);
    }

    /** {@link #type()} as a constant to {@code switch} on. */
    public EventType eventType() {
        return EventType.named(type);
    }

    /** A money figure that changed: {@code year} is null for figures that are not per year (a target, a budget). */
    public record Change(String year, String field, BigDecimal before, BigDecimal after) {

        public BigDecimal delta() {
            return after.subtract(before);
        }
    }

    /** Money moved from one year to another by a slip or a bring-forward. */
    public record Move(String fromYear, String toYear, BigDecimal amount) {
    }

    /** Whether a query as at {@code asAt}, effective on {@code effectiveOn}, counts this fact. */
    public boolean isVisible(Instant asAt, LocalDate effectiveOn) {
        return isRecordedBy(asAt) && isEffectiveBy(effectiveOn);
    }

    /** Whether the ledger knew of this fact at {@code asAt}: what an entity's existence follows. */
    public boolean isRecordedBy(Instant asAt) {
        return !recordedAt.isAfter(asAt);
    }

    /** Whether this fact has taken effect by {@code effectiveOn}: what money and attributes follow. */
    public boolean isEffectiveBy(LocalDate effectiveOn) {
        return !effectiveDate.isAfter(effectiveOn);
    }

    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> listAttribute(String name) {
        Object value = attributes.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    Document toDocument() {
        List<Document> changeDocuments = new ArrayList<>();
        for (Change change : changes) {
            changeDocuments.add(new Document("year", change.year()).append("field", change.field())
                    .append("before", new Decimal128(change.before())).append("after", new Decimal128(change.after())));
        }
        Document document = new Document("version", version)
                .append("type", type)
                .append("recordedAt", recordedAt.toString())
                .append("effectiveDate", effectiveDate.toString())
                .append("actor", actor)
                .append("reason", reason)
                .append("decisionRef", decisionRef)
                .append("changes", changeDocuments)
                .append("attributes", new Document(attributes));
        if (move != null) {
            document.append("move", new Document("fromYear", move.fromYear()).append("toYear", move.toYear())
                    .append("amount", new Decimal128(move.amount())));
        }
        return document;
    }

    static Fact fromDocument(Document document) {
        List<Change> changes = new ArrayList<>();
        for (Document change : document.getList("changes", Document.class)) {
            changes.add(new Change(change.getString("year"), change.getString("field"),
                    decimal(change.get("before")), decimal(change.get("after"))));
        }
        Document move = document.get("move", Document.class);
        return new Fact(document.getLong("version"), document.getString("type"),
                IsoText.instant(document.getString("recordedAt")), IsoText.date(document.getString("effectiveDate")),
                document.getString("actor"), document.getString("reason"), document.getString("decisionRef"),
                changes, new LinkedHashMap<>(document.get("attributes", Document.class)),
                move == null ? null : new Move(move.getString("fromYear"), move.getString("toYear"), decimal(move.get("amount"))));
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(value.toString());
    }
}
