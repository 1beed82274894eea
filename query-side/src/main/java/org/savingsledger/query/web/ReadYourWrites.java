package org.savingsledger.query.web;

import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Honours a command's consistency token (the event store's global index of the command's last
 * event): the query waits, at most {@link #PATIENCE}, until every read model has handled that
 * event, and otherwise answers 503.
 */
@Component
class ReadYourWrites {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final ReadModelProgress progress;

    ReadYourWrites(ReadModelProgress progress) {
        this.progress = progress;
    }

    void await(String consistencyToken) {
        if (consistencyToken == null) {
            return;
        }
        long index = QueryParameters.globalIndex(consistencyToken);
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

    /** The read models have not reached the token in time. */
    static class NotCaughtUp extends RuntimeException {

        NotCaughtUp(String token) {
            super("the read models have not yet caught up with consistency token " + token
                    + " after " + PATIENCE.toSeconds() + " s; retry shortly");
        }
    }
}
