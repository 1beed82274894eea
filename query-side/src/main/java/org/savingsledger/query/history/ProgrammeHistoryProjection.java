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
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeEvent;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Projects every programme event into the programme's history: target, budget approved and pending and cost drawn
 * down (and their corrections and resolutions, each with the funding source it names), and the name, description,
 * directorate, period and the programme it follows that it set.
 */
@Component
@ProcessingGroup(ProgrammeHistoryProjection.PROCESSING_GROUP)
public class ProgrammeHistoryProjection {

    public static final String PROCESSING_GROUP = "programme-history";

    private final HistoryWriter writer;

    public ProgrammeHistoryProjection(HistoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(ProgrammeEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        writer.write(StreamKind.PROGRAMME, batch -> project(batch, event, version, recordedAt));
    }

    private static void project(HistoryBatch batch, ProgrammeEvent event, long version, Instant recordedAt) {
        String programmeId = event.programmeId().value();
        Document state = batch.head(programmeId).map(Document::new).orElseGet(Document::new);
        if (state.containsKey("version") && state.getLong("version") >= version) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        EventType type = EventType.of(event);
        List<Fact.Change> changes = switch (type) {
            case PROGRAMME_LAUNCHED -> List.of(launched(state, attributes, (ProgrammeLaunched) event));
            case PROGRAMME_TARGET_REVISED -> List.of(change(state, "savingsTarget",
                    ((ProgrammeTargetRevised) event).savingsTarget().amount()));
            case PROGRAMME_BUDGET_APPROVED -> {
                ProgrammeBudgetApproved e = (ProgrammeBudgetApproved) event;
                source(attributes, e.source());
                yield add(state, e.pending() ? "budgetPending" : "budgetApproved", e.amount());
            }
            case PROGRAMME_COST_DRAWN_DOWN -> {
                ProgrammeCostDrawnDown e = (ProgrammeCostDrawnDown) event;
                source(attributes, e.source());
                yield add(state, "costDrawnDown", e.amount());
            }
            case PROGRAMME_BUDGET_CORRECTED -> {
                ProgrammeBudgetCorrected e = (ProgrammeBudgetCorrected) event;
                source(attributes, e.source());
                yield add(state, "budgetApproved", e.amount());
            }
            case PROGRAMME_COST_DRAWDOWN_CORRECTED -> {
                ProgrammeCostDrawdownCorrected e = (ProgrammeCostDrawdownCorrected) event;
                source(attributes, e.source());
                yield add(state, "costDrawnDown", e.amount());
            }
            case PROGRAMME_PENDING_BUDGET_RESOLVED -> resolved(state, attributes, (ProgrammePendingBudgetResolved) event);
            case PROGRAMME_DETAILS_CHANGED -> detailsChanged(state, attributes, (ProgrammeDetailsChanged) event);
            case PROGRAMME_PERIOD_CHANGED -> {
                ProgrammePeriodChanged e = (ProgrammePeriodChanged) event;
                attributes.put("firstYear", e.firstYear().toString());
                attributes.put("lastYear", e.lastYear().toString());
                yield List.of();
            }
            case SAVING_PROPOSED, SAVING_PROFILE_REVISED, SAVING_SLIPPED_TO_YEAR, SAVING_BROUGHT_FORWARD,
                    SAVING_DELIVERY_RECORDED, SAVING_DELIVERY_CORRECTED, SAVING_STAGE_CHANGED, SAVING_CONFIDENCE_CHANGED,
                    SAVING_RAG_CHANGED, SAVING_WITHDRAWN, COMMITTEE_ESTABLISHED, PROGRAMME_ASSIGNED_TO_COMMITTEE,
                    POSITION_REPORT_PRESENTED, FOLD_SNAPSHOT, SAVING_DETAILS_CHANGED,
                    SAVING_CLASSIFIED, SAVING_POSTS_REVISED, SAVING_POSTS_DELIVERED, SAVING_POSTS_DELIVERY_CORRECTED,
                    ORGANISATION_REGISTERED ->
                    throw type.notOf(StreamKind.PROGRAMME);
        };
        batch.append(programmeId, Fact.of(event, version, recordedAt, changes, attributes, null), state, null);
    }

    /**
     * The funding source a money fact names, kept as its {@code source} attribute: the read side folds each money
     * change under it ({@code FundingSource.NOT_SET} when there is none).
     */
    private static void source(Map<String, Object> attributes, String source) {
        if (source != null) {
            attributes.put("source", source);
        }
    }

    /** Pending money decided: it leaves pending, and approved, it joins the approved budget (of the same source). */
    private static List<Fact.Change> resolved(Document state, Map<String, Object> attributes,
                                              ProgrammePendingBudgetResolved e) {
        source(attributes, e.source());
        attributes.put("decision", e.decision().name());
        List<Fact.Change> changes = new ArrayList<>(add(state, "budgetPending", e.amount().negate()));
        if (e.decision() == BudgetDecision.APPROVED) {
            changes.addAll(add(state, "budgetApproved", e.amount()));
        }
        return changes;
    }

    /**
     * The programme's name and years, and its first target. The head keeps the organisation as an id (lower
     * case), so filters match programmes recorded with a free-text organisation before organisations were
     * registered ignoring its case; the fact keeps it as recorded.
     */
    private static Fact.Change launched(Document state, Map<String, Object> attributes, ProgrammeLaunched e) {
        state.append("organisation", e.organisation().strip().toLowerCase(Locale.ROOT)).append("name", e.name());
        attributes.put("organisation", e.organisation());
        attributes.put("name", e.name());
        if (e.description() != null) {
            attributes.put("description", e.description());
        }
        attributes.put("firstYear", e.firstYear().toString());
        attributes.put("lastYear", e.lastYear().toString());
        if (e.follows() != null) {
            attributes.put("follows", e.follows().value());
        }
        if (e.directorate() != null) {
            attributes.put("directorate", e.directorate());
        }
        return change(state, "savingsTarget", e.savingsTarget().amount());
    }

    /** The name and description given; a field left out is not recorded (the last value recorded stays). */
    private static List<Fact.Change> detailsChanged(Document state, Map<String, Object> attributes,
                                                    ProgrammeDetailsChanged e) {
        if (e.name() != null) {
            state.put("name", e.name());
            attributes.put("name", e.name());
        }
        if (e.description() != null) {
            attributes.put("description", e.description());
        }
        if (e.directorate() != null) {
            attributes.put("directorate", e.directorate());
        }
        return List.of();
    }

    /**
     * Every event that is not a programme event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        // nothing to project: handling it is what lets the position move on
    }

    @ResetHandler
    public void reset() {
        writer.reset(StreamKind.PROGRAMME);
    }

    /** Sets a money field of the head, answering the change (a programme's figures are not per year). */
    private static Fact.Change change(Document state, String field, BigDecimal after) {
        Fact.Change change = new Fact.Change(null, field, amount(state, field), after);
        state.put(field, new Decimal128(after));
        return change;
    }

    /** Adds a signed amount to a money field of the head. */
    private static List<Fact.Change> add(Document state, String field, Money amount) {
        return List.of(change(state, field, amount(state, field).add(amount.amount())));
    }

    private static BigDecimal amount(Document state, String field) {
        Object value = state.get(field);
        return value == null ? BigDecimal.ZERO.setScale(2) : Fact.decimal(value);
    }
}
