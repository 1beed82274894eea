package org.savingsledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.organisation.OrganisationEvent;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects every organisation event into the organisation's history: its name and GSS code. The head's
 * {@code organisation} is the organisation's own id, so an organisation is shown to exactly those who may
 * see its programmes.
 */
@Component
@ProcessingGroup(OrganisationHistoryProjection.PROCESSING_GROUP)
public class OrganisationHistoryProjection {

    public static final String PROCESSING_GROUP = "organisation-history";

    private final HistoryWriter writer;

    public OrganisationHistoryProjection(HistoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(OrganisationEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        writer.write(StreamKind.ORGANISATION, batch -> project(batch, event, version, recordedAt));
    }

    private static void project(HistoryBatch batch, OrganisationEvent event, long version, Instant recordedAt) {
        String organisationId = event.organisationId().value();
        Document state = batch.head(organisationId).map(Document::new).orElseGet(Document::new);
        if (state.containsKey("version") && state.getLong("version") >= version) {
            return;
        }
        EventType type = EventType.of(event);
        Map<String, Object> attributes = switch (type) {
            case ORGANISATION_REGISTERED -> registered(state, (OrganisationRegistered) event);
            case SAVING_PROPOSED, SAVING_PROFILE_REVISED, SAVING_SLIPPED_TO_YEAR, SAVING_BROUGHT_FORWARD,
                    SAVING_DELIVERY_RECORDED, SAVING_DELIVERY_CORRECTED, SAVING_STAGE_CHANGED, SAVING_CONFIDENCE_CHANGED,
                    SAVING_RAG_CHANGED, SAVING_WITHDRAWN, PROGRAMME_LAUNCHED, PROGRAMME_TARGET_REVISED,
                    PROGRAMME_BUDGET_APPROVED, PROGRAMME_COST_DRAWN_DOWN, COMMITTEE_ESTABLISHED,
                    PROGRAMME_ASSIGNED_TO_COMMITTEE, POSITION_REPORT_PRESENTED, FOLD_SNAPSHOT,
                    PROGRAMME_BUDGET_CORRECTED, PROGRAMME_COST_DRAWDOWN_CORRECTED, PROGRAMME_DETAILS_CHANGED,
                    PROGRAMME_PERIOD_CHANGED, SAVING_DETAILS_CHANGED,
                    SAVING_CLASSIFIED, SAVING_POSTS_REVISED, SAVING_POSTS_DELIVERED, SAVING_POSTS_DELIVERY_CORRECTED,
                    PROGRAMME_PENDING_BUDGET_RESOLVED ->
                    throw type.notOf(StreamKind.ORGANISATION);
        };
        batch.append(organisationId, Fact.of(event, version, recordedAt, List.of(), attributes, null), state, null);
    }

    private static Map<String, Object> registered(Document state, OrganisationRegistered e) {
        state.append("organisation", e.organisationId().value()).append("name", e.name());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", e.name());
        if (e.gssCode() != null) {
            attributes.put("gssCode", e.gssCode());
        }
        return attributes;
    }

    /** Every event that is not an organisation event: taken in and left alone, so that this processor's position moves on. */
    @EventHandler
    public void pass(LedgerEvent event) {
        // nothing to project: handling it is what lets the position move on
    }

    @ResetHandler
    public void reset() {
        writer.reset(StreamKind.ORGANISATION);
    }
}
