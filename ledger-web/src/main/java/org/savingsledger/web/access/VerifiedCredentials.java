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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords checked recently, so HTTP Basic (which sends them with every request) costs one slow
 * password hash per user every few minutes rather than one per request: bcrypt takes ~100 ms of CPU
 * by design. Only a salted SHA-256 of user, stored hash and password is kept, in memory, for
 * {@code ttl}; a changed stored hash never matches an old entry.
 */
public final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    public VerifiedCredentials(Duration ttl) {
        this(ttl, Clock.systemUTC());
    }

    VerifiedCredentials(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this password was verified against this stored hash within the time to live. */
    public boolean recentlyVerified(String user, String storedHash, String password) {
        Instant until = verified.get(key(user, storedHash, password));
        return until != null && until.isAfter(clock.instant());
    }

    /** Remembers a password that was just verified against the stored hash. */
    public void remember(String user, String storedHash, String password) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(until -> !until.isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key(user, storedHash, password), clock.instant().plus(ttl));
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
