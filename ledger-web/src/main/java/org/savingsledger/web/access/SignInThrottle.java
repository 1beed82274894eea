package org.savingsledger.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per user name and per client address, and the temporary locks they earn,
 * so that passwords cannot be guessed as fast as the server can hash them.
 *
 * <p>A user name (ignoring case, as users are looked up) or an address that reaches its limit of
 * failures within {@code window} is locked for {@code lock}; each further lock-out it earns before a
 * whole window has passed without failure (counted from the end of its last lock) lasts twice as long
 * as the one before, up to {@code maxLock}. While the user name or the address is locked, a sign-in is
 * refused without checking its password (the check is the slow hash an attacker wants us to run), the
 * right password included. The user-name limit stops a guesser spread over many addresses; the
 * address limit stops one address trying many user names, and bounds how long one address can keep
 * someone else's user name locked.
 *
 * <p>State is in memory, per instance: each instance counts on its own, and a restart forgets every
 * count and lock. At most {@link #MAX_TRACKED} user names and as many addresses are tracked.
 */
public final class SignInThrottle {

    /** More than failures can reach within a window: each one costs the server a slow hash first. */
    static final int MAX_TRACKED = 100_000;
    private static final int MAX_KEY_LENGTH = 256;

    /** How much failure is tolerated. Any {@code null} takes its default. */
    public record Limits(Integer userFailures, Integer addressFailures, Duration window, Duration lock, Duration maxLock) {

        public Limits {
            userFailures = userFailures == null ? 10 : userFailures;
            addressFailures = addressFailures == null ? 50 : addressFailures;
            window = window == null ? Duration.ofMinutes(15) : window;
            lock = lock == null ? Duration.ofMinutes(1) : lock;
            maxLock = maxLock == null ? Duration.ofMinutes(15) : maxLock;
            if (userFailures < 1 || addressFailures < 1) {
                throw new IllegalArgumentException("sign-in failure limits must be at least 1");
            }
            if (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
                throw new IllegalArgumentException("the sign-in window and lock must be positive, and max-lock at least lock");
            }
        }

        /** 10 failures per user name and 50 per address within 15 minutes; locks of 1 minute doubling up to 15. */
        public static Limits defaults() {
            return new Limits(null, null, null, null, null);
        }
    }

    /** What a count and a lock apply to. */
    public enum Scope {
        USER("user name"), ADDRESS("address");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        /** The scope as a metric tag value: {@code user}, {@code address}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A lock one failure caused, and that failure's user name (as typed, printable) and address. */
    public record Lockout(Scope scope, String key, Duration duration, Instant until, int failures, Duration window,
                          String user, String address) {

        /** One log line, naming no password. */
        public String message() {
            String last = scope == Scope.USER ? "from " + (address == null ? "an unknown address" : address)
                    : "as user name " + quoted(user);
            return ("Sign-ins locked for %d s: %s %s after %d failed sign-ins within %d s (the last %s); the lock ends"
                    + " by itself at %s, or when this instance restarts").formatted(seconds(duration), scope.label,
                    scope == Scope.USER ? quoted(key) : key, failures, window.toSeconds(), last, until);
        }
    }

    /** One failed sign-in: how far it took each count, and the locks it caused. */
    public record Failure(String user, String address, int userFailures, int addressFailures, Limits limits,
                          List<Lockout> lockouts) {

        /** One log line, naming no password. */
        public String message() {
            String count = "failure %d of %d for the user name".formatted(userFailures, limits.userFailures());
            if (address != null) {
                count += ", %d of %d for the address".formatted(addressFailures, limits.addressFailures());
            }
            return "Sign-in failed for user name %s from %s (%s within %d s)".formatted(quoted(user),
                    address == null ? "an unknown address" : address, count, limits.window().toSeconds());
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Tally> users = new ConcurrentHashMap<>();
    private final Map<String, Tally> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How long sign-ins as {@code user} from the address {@code client} ({@code null} when unknown) are refused
     * unchecked: {@link Duration#ZERO} when they may go ahead.
     */
    public Duration lockedFor(String user, String client) {
        Instant now = clock.instant();
        String address = addressKey(client);
        Duration byUser = remaining(users.get(userKey(user)), now);
        Duration byAddress = address == null ? Duration.ZERO : remaining(addresses.get(address), now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    /** Counts a sign-in from the address {@code client} whose password was checked and wrong (or whose user does not exist). */
    public Failure failed(String user, String client) {
        Instant now = clock.instant();
        String address = addressKey(client);
        List<Lockout> lockouts = new ArrayList<>(2);
        String typed = printable(user);
        int userFailures = count(users, Scope.USER, userKey(user), limits.userFailures(), now, typed, address, lockouts);
        int addressFailures = address == null ? 0
                : count(addresses, Scope.ADDRESS, address, limits.addressFailures(), now, typed, address, lockouts);
        return new Failure(typed, address, userFailures, addressFailures, limits, List.copyOf(lockouts));
    }

    private int count(Map<String, Tally> tallies, Scope scope, String key, int limit, Instant now, String user,
                      String address, List<Lockout> lockouts) {
        if (!tallies.containsKey(key) && tallies.size() >= MAX_TRACKED) {
            tallies.values().removeIf(tally -> tally.forgiven(now, limits.window()));
            if (tallies.size() >= MAX_TRACKED) {
                // beyond what failures can reach at the cost of a slow hash each: an attack this wide is a matter
                // for the firewall; the keys already tracked (their locks included) are kept
                return 0;
            }
        }
        Tally tally = tallies.compute(key, (k, old) -> (old == null || old.forgiven(now, limits.window())
                ? Tally.FRESH : old).fail(now, limit, limits));
        if (tally.failures() == 0) {
            lockouts.add(new Lockout(scope, scope == Scope.USER ? printable(key) : key,
                    Duration.between(now, tally.lockedUntil()), tally.lockedUntil(), limit, limits.window(), user, address));
            return limit;
        }
        return tally.failures();
    }

    private static Duration remaining(Tally tally, Instant now) {
        return tally == null || !tally.lockedUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, tally.lockedUntil());
    }

    /** Users are found ignoring case, so they are counted ignoring case: {@code Admin} is {@code admin}. */
    private static String userKey(String user) {
        String key = String.valueOf(user).toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** An address as the server saw it; printable, as it may come from a forwarded header. */
    private static String addressKey(String address) {
        return address == null ? null : printable(address);
    }

    /** Text from a request, fit for a log line: no line breaks or control characters (which could forge lines), not too long. */
    static String printable(String text) {
        String given = String.valueOf(text);
        StringBuilder printable = new StringBuilder(Math.min(given.length(), 100) + 1);
        given.codePoints().limit(100).forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return given.codePointCount(0, given.length()) > 100 ? printable.append('…').toString() : printable.toString();
    }

    private static String quoted(String user) {
        return "'" + user + "'";
    }

    /** Whole seconds, rounded up: what {@code Retry-After} says. */
    public static long seconds(Duration duration) {
        return duration.plusNanos(999_999_999).toSeconds();
    }

    /**
     * One user name's or address's failures: those of the current window, the lock-outs since it was
     * last forgiven, the end of the last lock, the last failure.
     */
    private record Tally(int failures, Instant windowStart, int lockouts, Instant lockedUntil, Instant lastFailure) {

        static final Tally FRESH = new Tally(0, Instant.MIN, 0, Instant.MIN, Instant.MIN);

        /** A whole window without failure since the last failure and the end of the last lock. */
        boolean forgiven(Instant now, Duration window) {
            Instant quietSince = lastFailure.isAfter(lockedUntil) ? lastFailure : lockedUntil;
            return quietSince.equals(Instant.MIN) || !now.isBefore(quietSince.plus(window));
        }

        Tally fail(Instant now, int limit, Limits limits) {
            boolean windowOver = windowStart.equals(Instant.MIN) || !now.isBefore(windowStart.plus(limits.window()));
            int counted = windowOver ? 1 : failures + 1;
            Instant start = windowOver ? now : windowStart;
            if (counted < limit) {
                return new Tally(counted, start, lockouts, lockedUntil, now);
            }
            int lockout = lockouts + 1;
            Duration lock = limits.lock();
            for (int i = 1; i < lockout && lock.compareTo(limits.maxLock()) < 0; i++) {
                lock = lock.multipliedBy(2);
            }
            if (lock.compareTo(limits.maxLock()) > 0) {
                lock = limits.maxLock();
            }
            Instant until = now.plus(lock);
            // a lock still running (a failure that raced past the check) is only ever lengthened
            return new Tally(0, now, lockout, until.isAfter(lockedUntil) ? until : lockedUntil, now);
        }
    }
}
