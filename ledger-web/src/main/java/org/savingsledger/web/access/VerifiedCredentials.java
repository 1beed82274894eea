package org.savingsledger.web.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Passwords checked recently, so HTTP Basic (which sends them with every request) costs one slow
 * password hash per user every few minutes rather than one per request: bcrypt takes ~100 ms of CPU
 * by design. Only a salted SHA-256 of user, stored hash and password is kept, in memory, for
 * {@code ttl}; a changed stored hash never matches an old entry.
 *
 * <p>When an entry runs out, a client sending many requests at once (a BI tool, an integration, the
 * benchmark's readers) would otherwise have every one of them hash the password again at the same
 * moment: twenty bcrypt checks on two cores stalled every request for about a second. {@link #verify}
 * lets one request check while the others with the same credentials wait for its answer.
 */
public final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    public VerifiedCredentials(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    VerifiedCredentials(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /**
     * Whether the password matches the stored hash: true at once when it was verified within the time to
     * live; otherwise {@code check} (the slow hash) decides, run by one caller at a time for the same
     * credentials while the others wait for its answer, and a match is remembered. A check that throws
     * throws to every caller waiting for it; the next call checks again.
     */
    public boolean verify(String user, String storedHash, String password, BooleanSupplier check) {
        String key = key(user, storedHash, password);
        Instant until = verified.get(key);
        if (until != null && until.isAfter(clock.instant())) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            boolean matches = check.getAsBoolean();
            if (matches) {
                remember(key);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private void remember(String key) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(until -> !until.isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, clock.instant().plus(ttl));
    }

    private String key(String user, String storedHash, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            for (String part : new String[] {user, storedHash, password}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
