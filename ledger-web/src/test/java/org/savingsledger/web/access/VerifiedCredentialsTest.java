package org.savingsledger.web.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class VerifiedCredentialsTest {

    private final Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    private final VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now[0];
        }
    });
    private final AtomicInteger checks = new AtomicInteger();

    private boolean verify(String user, String hash, String password, boolean matches) {
        return verified.verify(user, hash, password, () -> {
            checks.incrementAndGet();
            return matches;
        });
    }

    @Test
    void aVerifiedPasswordIsRememberedForItsTimeToLiveAndOnlyForThatStoredHash() {
        assertThat(verify("u", "h", "pw", true)).isTrue();
        assertThat(checks).hasValue(1);
        // remembered: the slow check is not run again
        assertThat(verify("u", "h", "pw", true)).isTrue();
        assertThat(checks).hasValue(1);
        // another password, another stored hash (the password changed), another user: each checked
        assertThat(verify("u", "h", "other", false)).isFalse();
        assertThat(verify("u", "changed-hash", "pw", true)).isTrue();
        assertThat(verify("v", "h", "pw", true)).isTrue();
        assertThat(checks).hasValue(4);
        // a wrong password is not remembered
        assertThat(verify("u", "h", "other", false)).isFalse();
        assertThat(checks).hasValue(5);
        // five minutes is the time to live: after six the password is checked again
        now[0] = now[0].plus(Duration.ofMinutes(6));
        assertThat(verify("u", "h", "pw", true)).isTrue();
        assertThat(checks).hasValue(6);
    }

    @Test
    void requestsSentWhileTheirCredentialsAreCheckedWaitForThatOneCheck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch checking = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Future<Boolean> first = threads.submit(() -> verified.verify("u", "h", "pw", () -> {
                checks.incrementAndGet();
                checking.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                return true;
            }));
            assertThat(checking.await(30, TimeUnit.SECONDS)).isTrue();
            List<Thread> waiting = new ArrayList<>();
            List<Future<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(threads.submit(() -> {
                    synchronized (waiting) {
                        waiting.add(Thread.currentThread());
                    }
                    return verify("u", "h", "pw", true);
                }));
            }
            // all seven are blocked on the one check under way, none running a check of its own
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                synchronized (waiting) {
                    return waiting.size() == 7 && waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
                }
            });
            assertThat(checks).hasValue(1);

            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> other : others) {
                assertThat(other.get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(checks).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCheckThatFailsFailsOnlyItsOwnCallersAndTheNextCallChecksAgain() {
        assertThatThrownBy(() -> verified.verify("u", "h", "pw", () -> {
            throw new IllegalStateException("user store unreachable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("user store unreachable");

        assertThat(verify("u", "h", "pw", true)).isTrue();
        assertThat(checks).hasValue(1);
    }
}
