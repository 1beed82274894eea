package org.savingsledger.query.web;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Honours a command's consistency token (the event store's global index of the command's last
 * event): the query waits, at most {@link #PATIENCE}, until every read model has handled that
 * event, and otherwise answers 503.
 */
@Component
public class ReadYourWrites {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final ReadModelProgress progress;
    private final EventStore eventStore;
    /** The highest head of the event store seen so far: a token at or below it needs no look-up. */
    private final AtomicLong knownHead = new AtomicLong(-1);

    ReadYourWrites(ReadModelProgress progress, EventStore eventStore) {
        this.progress = progress;
        this.eventStore = eventStore;
    }

    public void await(String consistencyToken) {
        if (consistencyToken == null) {
            return;
        }
        long index = QueryParameters.globalIndex(consistencyToken);
        if (index > head(index)) {
            throw new QueryParameters.InvalidQuery("consistencyToken", "is beyond the last event in the ledger, so no "
                    + "command returned it; use the consistencyToken of a command's answer, was '" + consistencyToken + "'");
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!progress.hasHandled(index)) {
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

    /**
     * The event store's head, read again only when {@code index} lies beyond the highest head seen: a
     * command's token is committed before the command answers, so a token just issued by any instance is
     * at or below the head read after it, and only a token beyond a fresh head is refused.
     */
    private long head(long index) {
        long known = knownHead.get();
        if (index <= known) {
            return known;
        }
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        return knownHead.accumulateAndGet(head, Math::max);
    }

    /** The read models have not reached the token in time. */
    public static class NotCaughtUp extends RuntimeException {

        NotCaughtUp(String token) {
            super("the read models have not yet caught up with consistency token " + token
                    + " after " + PATIENCE.toSeconds() + " s; retry shortly");
        }
    }
}
