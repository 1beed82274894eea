package org.savingsledger.query.infrastructure;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Whether a processor's tracking token has handled every event up to a global index. A gap-aware
 * token lists the indices below its position it has not seen; a gap that is not in the event store
 * is an append that was rolled back (a command that lost a race to another instance, a refused
 * create) or one still being committed — never an event anybody was answered for — so it does not
 * count. (Axon keeps such gaps for a minute before it gives up on them; waiting for that would hold
 * read-your-writes and rebuild hand-overs up for as long after every lost race.)
 */
@Component
public class EventCoverage {

    private final JdbcTemplate eventStore;
    private final EventSchema schema;

    public EventCoverage(JdbcTemplate eventStore, EventSchema schema) {
        this.eventStore = eventStore;
        this.schema = schema;
    }

    public boolean covers(TrackingToken token, long globalIndex) {
        if (globalIndex < 0) {
            return true;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex)
                    && noneStored(gapAware.getGaps().headSet(globalIndex));
        }
        return lower != null && lower.covers(GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySet()));
    }

    private boolean noneStored(SortedSet<Long> gaps) {
        if (gaps.isEmpty()) {
            return true;
        }
        String indices = gaps.stream().map(String::valueOf).collect(Collectors.joining(","));
        Long stored = eventStore.queryForObject("select count(*) from " + schema.domainEventTable() + " where "
                + schema.globalIndexColumn() + " in (" + indices + ")", Long.class);
        return stored != null && stored == 0;
    }
}
