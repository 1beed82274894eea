package org.savingsledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Provenance;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Projects every saving event into the saving's history: what it changed in the planned and
 * delivered profiles (before and after, in recording order), the money it moved between years,
 * and the stage, confidence, RAG and withdrawal it set. Also lists each programme's savings.
 */
@Component
@ProcessingGroup(SavingHistoryProjection.PROCESSING_GROUP)
public class SavingHistoryProjection {

    public static final String PROCESSING_GROUP = "saving-history";

    private final HistoryTarget target;

    public SavingHistoryProjection(HistoryTarget target) {
        this.target = target;
    }

    @EventHandler
    public void on(SavingEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        HistoryStore store = target.store();
        try {
            project(store, event, version, recordedAt);
        } finally {
            HistoryStore.handled();
        }
    }

    private void project(HistoryStore store, SavingEvent event, long version, Instant recordedAt) {
        String savingId = event.savingId().value();
        Document state = store.head(StreamKind.SAVING, savingId).map(Document::new).orElseGet(Document::new);
        if (state.containsKey("version") && state.getLong("version") >= version) {
            return;
        }
        Document checkpoint = Checkpoints.beforeFact(state, version);
        Document planned = yearMap(state, "planned");
        Document delivered = yearMap(state, "delivered");
        List<Fact.Change> changes = new ArrayList<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        Fact.Move move = null;

        if (event instanceof SavingProposed e) {
            state.append("programmeId", e.programmeId().value());
            store.addSaving(e.programmeId().value(), savingId);
            e.profile().amounts().forEach((year, amount) -> change(changes, planned, "planned", year, amount.amount()));
            attributes.put("title", e.title());
            putIfPresent(attributes, "workstream", e.workstream());
            putIfPresent(attributes, "owner", e.owner());
            attributes.put("stage", e.stage().name());
            attributes.put("confidence", e.confidence().name());
            attributes.put("programmeId", e.programmeId().value());
        } else if (event instanceof SavingProfileRevised e) {
            TreeSet<String> years = new TreeSet<>(planned.keySet());
            e.profile().amounts().keySet().forEach(year -> years.add(year.toString()));
            for (String year : years) {
                BigDecimal after = e.profile().amountIn(FinancialYear.parse(year)).amount();
                if (after.compareTo(amount(planned, year)) != 0) {
                    change(changes, planned, "planned", year, after);
                }
            }
        } else if (event instanceof SavingSlippedToYear e) {
            move = move(changes, planned, e.fromYear(), e.toYear(), e.amount());
        } else if (event instanceof SavingBroughtForward e) {
            move = move(changes, planned, e.fromYear(), e.toYear(), e.amount());
        } else if (event instanceof SavingDeliveryRecorded e) {
            change(changes, delivered, "delivered", e.year().toString(),
                    amount(delivered, e.year().toString()).add(e.amount().amount()));
        } else if (event instanceof SavingDeliveryCorrected e) {
            change(changes, delivered, "delivered", e.year().toString(),
                    amount(delivered, e.year().toString()).add(e.amount().amount()));
        } else if (event instanceof SavingStageChanged e) {
            attributes.put("stage", e.stage().name());
        } else if (event instanceof SavingConfidenceChanged e) {
            attributes.put("confidence", e.confidence().name());
        } else if (event instanceof SavingRagChanged e) {
            attributes.put("rag", e.status().name());
        } else if (event instanceof SavingWithdrawn) {
            attributes.put("withdrawn", "true");
        }

        Fact fact = fact(event.getClass().getSimpleName(), version, recordedAt, event.provenance(), changes,
                attributes, move);
        Checkpoints.fold(state, fact);
        state.append("planned", planned).append("delivered", delivered);
        store.append(savingId, StreamKind.SAVING, fact, state, checkpoint);
    }

    /**
     * Every event that is not a saving event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        HistoryStore.handled();
    }

    @ResetHandler
    public void reset() {
        target.store().reset(StreamKind.SAVING);
    }

    static Fact fact(String type, long version, Instant recordedAt, Provenance provenance,
                     List<Fact.Change> changes, Map<String, Object> attributes, Fact.Move move) {
        return new Fact(version, type, recordedAt, provenance.effectiveDate(), provenance.actor(),
                provenance.reason(), provenance.decisionRef(), changes, attributes, move);
    }

    private static Fact.Move move(List<Fact.Change> changes, Document planned, FinancialYear from, FinancialYear to,
                                  Money amount) {
        change(changes, planned, "planned", from.toString(), amount(planned, from.toString()).subtract(amount.amount()));
        change(changes, planned, "planned", to.toString(), amount(planned, to.toString()).add(amount.amount()));
        return new Fact.Move(from.toString(), to.toString(), amount.amount());
    }

    private static void change(List<Fact.Change> changes, Document figures, String field, FinancialYear year,
                               BigDecimal after) {
        change(changes, figures, field, year.toString(), after);
    }

    private static void change(List<Fact.Change> changes, Document figures, String field, String year,
                               BigDecimal after) {
        changes.add(new Fact.Change(year, field, amount(figures, year), after));
        figures.put(year, new Decimal128(after));
    }

    private static BigDecimal amount(Document figures, String year) {
        Object value = figures.get(year);
        return value == null ? Money.ZERO.amount() : Fact.decimal(value);
    }

    private static Document yearMap(Document state, String name) {
        Document map = state.get(name, Document.class);
        return map == null ? new Document() : new Document(map);
    }

    private static void putIfPresent(Map<String, Object> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
