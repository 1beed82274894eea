package org.savingsledger.ops.bench;

import java.util.concurrent.TimeUnit;

/**
 * One open-loop reader: request {@code i} of a shared plan is due at {@code start + i × interval},
 * whatever happened to the requests before it, and its latency runs from that intended send time
 * to its answer. A reader answered late sends its next request at once, and the time that request
 * waited for its turn counts in its latency: a closed loop would omit exactly the requests a slow
 * answer held back (coordinated omission), and report the latency of a server that was never that fast.
 */
final class OpenLoop {

    /** The time source and the wait, so that the arithmetic can be checked against a fake server. */
    interface Clock {
        long nanoTime();

        /** Returns at or after {@code nanos} (of {@link #nanoTime()}), at once if that has passed. */
        void sleepUntil(long nanos) throws InterruptedException;
    }

    static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    };

    interface Request {
        void send(int index) throws Exception;
    }

    interface Outcome {
        void answered(int index, long nanosFromIntendedSend);

        void failed(int index, Exception failure);
    }

    private OpenLoop() {
    }

    /** When request {@code index} of the plan is due. */
    static long intended(long start, long intervalNanos, int index) {
        return start + index * intervalNanos;
    }

    /**
     * Sends requests {@code first}, {@code first + step}, … below {@code count} of a plan whose
     * request i is due at {@link #intended}, one at a time (a reader is one client): each at its
     * intended time, or as soon as the one before it is answered if that is later.
     */
    static void read(Clock clock, long start, long intervalNanos, int first, int step, int count, Request request,
                     Outcome outcome) throws InterruptedException {
        for (int index = first; index < count; index += step) {
            long due = intended(start, intervalNanos, index);
            clock.sleepUntil(due);
            try {
                request.send(index);
                outcome.answered(index, clock.nanoTime() - due);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                outcome.failed(index, e);
            }
        }
    }
}
