package org.savingsledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeEvent;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects every programme event into the programme's history: target, budget approved and cost drawn down. */
@Component
@ProcessingGroup(ProgrammeHistoryProjection.PROCESSING_GROUP)
public class ProgrammeHistoryProjection {

    public static final String PROCESSING_GROUP = "programme-history";

    private final HistoryTarget target;

    public ProgrammeHistoryProjection(HistoryTarget target) {
        this.target = target;
    }

    @EventHandler
    public void on(ProgrammeEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        HistoryStore store = target.store();
        try {
            project(store, event, version, recordedAt);
        } finally {
            HistoryStore.handled();
        }
    }

    private void project(HistoryStore store, ProgrammeEvent event, long version, Instant recordedAt) {
        String programmeId = event.programmeId().value();
        Document state = store.head(StreamKind.PROGRAMME, programmeId).map(Document::new).orElseGet(Document::new);
        if (state.containsKey("version") && state.getLong("version") >= version) {
            return;
        }
        List<Fact.Change> changes = new ArrayList<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (event instanceof ProgrammeLaunched e) {
            state.append("organisation", e.organisation()).append("name", e.name());
            attributes.put("organisation", e.organisation());
            attributes.put("name", e.name());
            if (e.description() != null) {
                attributes.put("description", e.description());
            }
            attributes.put("firstYear", e.firstYear().toString());
            attributes.put("lastYear", e.lastYear().toString());
            change(changes, state, "savingsTarget", e.savingsTarget().amount());
        } else if (event instanceof ProgrammeTargetRevised e) {
            change(changes, state, "savingsTarget", e.savingsTarget().amount());
        } else if (event instanceof ProgrammeBudgetApproved e) {
            change(changes, state, "budgetApproved", amount(state, "budgetApproved").add(e.amount().amount()));
        } else if (event instanceof ProgrammeCostDrawnDown e) {
            change(changes, state, "costDrawnDown", amount(state, "costDrawnDown").add(e.amount().amount()));
        }
        store.append(programmeId, StreamKind.PROGRAMME,
                SavingHistoryProjection.fact(event.getClass().getSimpleName(), version, recordedAt,
                        event.provenance(), changes, attributes, null),
                state);
    }

    /**
     * Every event that is not a programme event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        HistoryStore.handled();
    }

    @ResetHandler
    public void reset() {
        target.store().reset(StreamKind.PROGRAMME);
    }

    private static void change(List<Fact.Change> changes, Document state, String field, BigDecimal after) {
        changes.add(new Fact.Change(null, field, amount(state, field), after));
        state.put(field, new Decimal128(after));
    }

    private static BigDecimal amount(Document state, String field) {
        Object value = state.get(field);
        return value == null ? BigDecimal.ZERO.setScale(2) : Fact.decimal(value);
    }
}
