package org.savingsledger.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.access.VerifiedCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks HTTP Basic passwords with the slow hash once per user every few minutes, not on every
 * request; and not at all while the user name or the client address is locked by the throttle,
 * which counts every wrong one (logged, never with the password, and metered).
 */
final class RememberingPasswords {

    /** Failed sign-ins and lock-outs, under one logger name on both sides (docs/security.md). */
    private static final Logger signIns = LoggerFactory.getLogger(SignInThrottle.class);

    private RememberingPasswords() {
    }

    static AuthenticationProvider provider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                           MeterRegistry meters) {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5));
        Counter failed = signInFailures(meters, "bad-credentials");
        Counter refused = signInFailures(meters, "locked");
        Map<SignInThrottle.Scope, Counter> lockouts = new EnumMap<>(SignInThrottle.Scope.class);
        for (SignInThrottle.Scope scope : SignInThrottle.Scope.values()) {
            lockouts.put(scope, Counter.builder("ledger.security.sign-in.lockouts")
                    .description("User names and client addresses locked after repeated failed sign-ins")
                    .tag("scope", scope.tag()).register(meters));
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(encoder) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
                Duration locked = throttle.lockedFor(authentication.getName(), address);
                if (!locked.isZero()) {
                    refused.increment();
                    throw new SignInLocked(locked);
                }
                try {
                    return super.authenticate(authentication);
                } catch (BadCredentialsException wrong) {
                    SignInThrottle.Failure failure = throttle.failed(authentication.getName(), address);
                    failed.increment();
                    signIns.info(failure.message());
                    for (SignInThrottle.Lockout lockout : failure.lockouts()) {
                        lockouts.get(lockout.scope()).increment();
                        signIns.warn(lockout.message());
                    }
                    throw wrong;
                }
            }

            @Override
            protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                if (password == null) {
                    super.additionalAuthenticationChecks(user, authentication);
                    return;
                }
                // one slow check at a time for the same credentials; requests sent meanwhile wait for its answer
                boolean matches = verified.verify(user.getUsername(), user.getPassword(), password, () -> {
                    try {
                        super.additionalAuthenticationChecks(user, authentication);
                        return true;
                    } catch (BadCredentialsException wrong) {
                        return false;
                    }
                });
                if (!matches) {
                    throw new BadCredentialsException(messages.getMessage(
                            "AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
                }
            }
        };
        provider.setUserDetailsService(users);
        return provider;
    }

    private static Counter signInFailures(MeterRegistry meters, String reason) {
        return Counter.builder("ledger.security.sign-in.failures")
                .description("Failed HTTP Basic sign-ins: bad-credentials (checked and wrong, or no such user), "
                        + "locked (refused unchecked while the user name or address is locked)")
                .tag("reason", reason).register(meters);
    }

    /** A sign-in refused unchecked while its user name or client address is locked: 429 with Retry-After. */
    static final class SignInLocked extends LockedException {

        private final transient Duration retryAfter;

        SignInLocked(Duration retryAfter) {
            super("sign-ins locked for " + retryAfter);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
