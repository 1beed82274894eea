package org.savingsledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.CommitteeEvent;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.shared.ProgrammeId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Projects every committee event into the committee's history: programmes overseen and reports presented. */
@Component
@ProcessingGroup(CommitteeHistoryProjection.PROCESSING_GROUP)
public class CommitteeHistoryProjection {

    public static final String PROCESSING_GROUP = "committee-history";

    private final HistoryWriter writer;

    public CommitteeHistoryProjection(HistoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CommitteeEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        writer.write(StreamKind.COMMITTEE, batch -> project(batch, event, version, recordedAt));
    }

    private static void project(HistoryBatch batch, CommitteeEvent event, long version, Instant recordedAt) {
        String committeeId = event.committeeId().value();
        Document state = batch.head(committeeId).map(Document::new).orElseGet(Document::new);
        EventType type = EventType.of(event);
        Map<String, Object> attributes = switch (type) {
            case COMMITTEE_ESTABLISHED -> established(state, (CommitteeEstablished) event);
            case PROGRAMME_ASSIGNED_TO_COMMITTEE ->
                    Map.of("programmeId", ((ProgrammeAssignedToCommittee) event).programmeId().value());
            case POSITION_REPORT_PRESENTED -> presented((PositionReportPresented) event);
            case SAVING_PROPOSED, SAVING_PROFILE_REVISED, SAVING_SLIPPED_TO_YEAR, SAVING_BROUGHT_FORWARD,
                    SAVING_DELIVERY_RECORDED, SAVING_DELIVERY_CORRECTED, SAVING_STAGE_CHANGED, SAVING_CONFIDENCE_CHANGED,
                    SAVING_RAG_CHANGED, SAVING_WITHDRAWN, PROGRAMME_LAUNCHED, PROGRAMME_TARGET_REVISED,
                    PROGRAMME_BUDGET_APPROVED, PROGRAMME_COST_DRAWN_DOWN, FOLD_SNAPSHOT,
                    PROGRAMME_BUDGET_CORRECTED, PROGRAMME_COST_DRAWDOWN_CORRECTED, PROGRAMME_DETAILS_CHANGED,
                    PROGRAMME_PERIOD_CHANGED, SAVING_DETAILS_CHANGED,
                    SAVING_CLASSIFIED, SAVING_POSTS_REVISED, SAVING_POSTS_DELIVERED, SAVING_POSTS_DELIVERY_CORRECTED,
                    ORGANISATION_REGISTERED, PROGRAMME_PENDING_BUDGET_RESOLVED ->
                    throw type.notOf(StreamKind.COMMITTEE);
        };
        batch.append(committeeId, Fact.of(event, version, recordedAt, List.of(), attributes, null), state, null);
    }

    /** The head keeps the organisation as an id (lower case), as a programme's does; the fact keeps it as recorded. */
    private static Map<String, Object> established(Document state, CommitteeEstablished e) {
        state.append("organisation", e.organisation().strip().toLowerCase(Locale.ROOT)).append("name", e.name());
        return Map.of("organisation", e.organisation(), "name", e.name());
    }

    private static Map<String, Object> presented(PositionReportPresented e) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("reportId", e.reportId().value());
        attributes.put("meetingDate", e.meetingDate().toString());
        attributes.put("title", e.title());
        attributes.put("programmeIds", e.programmeIds().stream().map(ProgrammeId::value).toList());
        attributes.put("presentedAt", e.presentedAt().toString());
        attributes.put("figuresEffectiveOn", e.figuresEffectiveOn().toString());
        return attributes;
    }

    /**
     * Every event that is not a committee event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        // nothing to project: handling it is what lets the position move on
    }

    @ResetHandler
    public void reset() {
        writer.reset(StreamKind.COMMITTEE);
    }
}
