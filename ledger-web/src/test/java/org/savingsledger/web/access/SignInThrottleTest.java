package org.savingsledger.web.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(SignInThrottle.Limits.defaults(), clock);

    @Test
    void theTenthFailureOfAUserNameWithinTheWindowLocksItForAMinuteFromEveryAddress() {
        for (int i = 1; i <= 9; i++) {
            SignInThrottle.Failure failure = throttle.failed("j.smith", "192.0.2." + i);
            assertThat(failure.userFailures()).isEqualTo(i);
            assertThat(failure.lockouts()).isEmpty();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(throttle.lockedFor("j.smith", "192.0.2.99")).isZero();

        SignInThrottle.Failure tenth = throttle.failed("j.smith", "192.0.2.10");
        assertThat(tenth.userFailures()).isEqualTo(10);
        assertThat(tenth.lockouts()).singleElement().satisfies(lockout -> {
            assertThat(lockout.scope()).isEqualTo(SignInThrottle.Scope.USER);
            assertThat(lockout.key()).isEqualTo("j.smith");
            assertThat(lockout.duration()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(throttle.lockedFor("j.smith", "198.51.100.1")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("a.jones", "198.51.100.1")).isZero();

        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockedFor("j.smith", "198.51.100.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("j.smith", "198.51.100.1")).isZero();
    }

    @Test
    void userNamesAreCountedIgnoringCaseAsTheyAreLookedUp() {
        for (String name : new String[] {"admin", "Admin", "ADMIN", "aDmIn", "admiN", "ADmin", "adMIN", "AdMiN", "aDMIN"}) {
            throttle.failed(name, null);
        }
        assertThat(throttle.failed("admIn", null).lockouts()).hasSize(1);
        assertThat(throttle.lockedFor("admin", null)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("j.smith", null);
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(7)); // the window that began with the first failure is over
        assertThat(throttle.failed("j.smith", null).userFailures()).isEqualTo(1);
        assertThat(throttle.lockedFor("j.smith", null)).isZero();
    }

    @Test
    void eachLockoutBeforeAQuietWindowLastsTwiceAsLongUpToTheMaximum() {
        long[] expectedMinutes = {1, 2, 4, 8, 15, 15};
        for (long minutes : expectedMinutes) {
            Duration lock = tenFailures("j.smith");
            assertThat(lock).isEqualTo(Duration.ofMinutes(minutes));
            clock.advance(lock);
            assertThat(throttle.lockedFor("j.smith", null)).isZero();
        }
        // a whole window without failure after the last lock ended: forgiven, back to the first lock's length
        clock.advance(Duration.ofMinutes(15));
        assertThat(tenFailures("j.smith")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAddressFailingForManyUserNamesIsLockedForAllOfThem() {
        for (int i = 0; i < 49; i++) {
            assertThat(throttle.failed("user-" + (i % 7), "203.0.113.5").lockouts()).isEmpty();
        }
        SignInThrottle.Failure fiftieth = throttle.failed("user-fifty", "203.0.113.5");
        assertThat(fiftieth.addressFailures()).isEqualTo(50);
        assertThat(fiftieth.lockouts()).singleElement().satisfies(lockout -> {
            assertThat(lockout.scope()).isEqualTo(SignInThrottle.Scope.ADDRESS);
            assertThat(lockout.key()).isEqualTo("203.0.113.5");
            assertThat(lockout.message()).startsWith("Sign-ins locked for 60 s: address 203.0.113.5 after 50 failed"
                    + " sign-ins within 900 s (the last as user name 'user-fifty'); the lock ends by itself at"
                    + " 2030-01-01T09:01:00Z");
        });
        assertThat(throttle.lockedFor("someone-else", "203.0.113.5")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("user-1", "203.0.113.6")).as("the same users from elsewhere").isZero();
    }

    @Test
    void whenBothAreLockedTheLongerLockIsTheWait() {
        SignInThrottle limited = new SignInThrottle(new SignInThrottle.Limits(2, 3, null, null, null), clock);
        limited.failed("a", "203.0.113.7");
        limited.failed("a", "203.0.113.7");                // "a" locked for 1 minute
        clock.advance(Duration.ofSeconds(10));
        SignInThrottle.Failure third = limited.failed("b", "203.0.113.7"); // the address's third: locked for 1 minute
        assertThat(third.lockouts()).extracting(SignInThrottle.Lockout::scope).containsExactly(SignInThrottle.Scope.ADDRESS);
        assertThat(limited.lockedFor("a", "203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
        assertThat(limited.lockedFor("a", "203.0.113.8")).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void logLinesNameTheUserAndAddressButNothingThatCouldForgeAnotherLine() {
        SignInThrottle limited = new SignInThrottle(new SignInThrottle.Limits(2, null, null, null, null), clock);
        String forged = "j.smith\n2030-01-01 INFO all is well";
        String first = limited.failed(forged, "192.0.2.1").message();
        assertThat(first).doesNotContain("\n")
                .isEqualTo("Sign-in failed for user name 'j.smith?2030-01-01 INFO all is well' from 192.0.2.1"
                        + " (failure 1 of 2 for the user name, 1 of 50 for the address within 900 s)");
        SignInThrottle.Failure second = limited.failed(forged, "192.0.2.2");
        assertThat(second.lockouts()).singleElement().extracting(SignInThrottle.Lockout::message).asString()
                .doesNotContain("\n")
                .startsWith("Sign-ins locked for 60 s: user name 'j.smith?2030-01-01 info all is well' after 2 failed"
                        + " sign-ins within 900 s (the last from 192.0.2.2)");
        assertThat(limited.failed("x".repeat(5000), null).message()).hasSizeLessThan(300);
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(SignInThrottle.seconds(Duration.ofSeconds(60))).isEqualTo(60);
        assertThat(SignInThrottle.seconds(Duration.ofMillis(59_001))).isEqualTo(60);
        assertThat(SignInThrottle.seconds(Duration.ofNanos(1))).isEqualTo(1);
    }

    @Test
    void limitsHaveDefaultsAndRefuseNonsense() {
        SignInThrottle.Limits defaults = SignInThrottle.Limits.defaults();
        assertThat(defaults.userFailures()).isEqualTo(10);
        assertThat(defaults.addressFailures()).isEqualTo(50);
        assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.lock()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.maxLock()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new SignInThrottle.Limits(0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle.Limits(null, null, null, Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullTableMakesRoomFromForgivenEntriesAndKeepsThoseStillCounting() {
        SignInThrottle wide = new SignInThrottle(new SignInThrottle.Limits(3, null, null, null, null), clock);
        wide.failed("admin", null);
        wide.failed("admin", null);
        for (int i = 0; i < SignInThrottle.MAX_TRACKED - 1; i++) {
            wide.failed("spray-" + i, null);
        }
        assertThat(wide.failed("one-too-many", null).userFailures()).as("not tracked while full").isZero();
        assertThat(wide.failed("admin", null).lockouts()).as("a tracked name is still counted").hasSize(1);

        clock.advance(Duration.ofMinutes(16)); // a quiet window after the spray and after the end of admin's lock: all forgiven
        assertThat(wide.failed("one-too-many", null).userFailures()).isEqualTo(1);
    }

    private Duration tenFailures(String user) {
        for (int i = 0; i < 9; i++) {
            assertThat(throttle.failed(user, null).lockouts()).isEmpty();
        }
        SignInThrottle.Failure tenth = throttle.failed(user, null);
        assertThat(tenth.lockouts()).hasSize(1);
        assertThat(throttle.lockedFor(user, null)).isEqualTo(tenth.lockouts().get(0).duration());
        return tenth.lockouts().get(0).duration();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
