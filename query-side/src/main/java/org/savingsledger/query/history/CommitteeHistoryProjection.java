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
import java.util.Map;

/** Projects every committee event into the committee's history: programmes overseen and reports presented. */
@Component
@ProcessingGroup(CommitteeHistoryProjection.PROCESSING_GROUP)
public class CommitteeHistoryProjection {

    public static final String PROCESSING_GROUP = "committee-history";

    private final HistoryTarget target;

    public CommitteeHistoryProjection(HistoryTarget target) {
        this.target = target;
    }

    @EventHandler
    public void on(CommitteeEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        HistoryStore store = target.store();
        try {
            project(store, event, version, recordedAt);
        } finally {
            HistoryStore.handled();
        }
    }

    private void project(HistoryStore store, CommitteeEvent event, long version, Instant recordedAt) {
        String committeeId = event.committeeId().value();
        Document state = store.head(StreamKind.COMMITTEE, committeeId).map(Document::new).orElseGet(Document::new);
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (event instanceof CommitteeEstablished e) {
            state.append("organisation", e.organisation()).append("name", e.name());
            attributes.put("organisation", e.organisation());
            attributes.put("name", e.name());
        } else if (event instanceof ProgrammeAssignedToCommittee e) {
            attributes.put("programmeId", e.programmeId().value());
        } else if (event instanceof PositionReportPresented e) {
            attributes.put("reportId", e.reportId().value());
            attributes.put("meetingDate", e.meetingDate().toString());
            attributes.put("title", e.title());
            attributes.put("programmeIds", e.programmeIds().stream().map(ProgrammeId::value).toList());
            attributes.put("presentedAt", e.presentedAt().toString());
            attributes.put("figuresEffectiveOn", e.figuresEffectiveOn().toString());
        }
        store.append(committeeId, StreamKind.COMMITTEE,
                SavingHistoryProjection.fact(event.getClass().getSimpleName(), version, recordedAt,
                        event.provenance(), List.of(), attributes, null),
                state);
    }

    /**
     * Every event that is not a committee event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        HistoryStore.handled();
    }

    @ResetHandler
    public void reset() {
        target.store().reset(StreamKind.COMMITTEE);
    }
}
