package org.savingsledger.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Honours a command's consistency token: the event store's global index of the command's last
 * event. A query waits (at most {@link #PATIENCE}) until every read-model processor has handled
 * that event — not merely passed its index, since an earlier transaction may commit late and
 * leave a gap below it — and otherwise answers 503.
 */
@Component
class ReadYourWrites {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;

    ReadYourWrites(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    void await(String consistencyToken) {
        if (consistencyToken == null) {
            return;
        }
        long index = QueryParameters.globalIndex(consistencyToken);
        TrackingToken event = GapAwareTrackingToken.newInstance(index, Collections.emptySet());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!hasHandled(event)) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp(consistencyToken);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp(consistencyToken);
            }
        }
    }

    private boolean hasHandled(TrackingToken event) {
        for (String name : QueryAxonConfig.READ_MODEL_PROCESSORS) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty() || !coversAllSegments(processor.get().processingStatus(), event)) {
                return false;
            }
        }
        return true;
    }

    /** Every segment's token covers the event, and the segments this instance holds make up the whole. */
    private static boolean coversAllSegments(Map<Integer, EventTrackerStatus> status, TrackingToken event) {
        // segment sizes are 1/(mask+1) with masks of the form 2^n-1: count them in 2^-20ths
        long whole = 1L << 20;
        long held = 0;
        for (EventTrackerStatus segment : status.values()) {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            if (token == null || !token.covers(event)) {
                return false;
            }
            held += whole / (segment.getSegment().getMask() + 1L);
        }
        return held == whole;
    }

    /** The read models have not reached the token in time. */
    static class NotCaughtUp extends RuntimeException {

        NotCaughtUp(String token) {
            super("the read models have not yet caught up with consistency token " + token
                    + " after " + PATIENCE.toSeconds() + " s; retry shortly");
        }
    }
}
