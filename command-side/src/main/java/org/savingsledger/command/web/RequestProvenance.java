package org.savingsledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.savingsledger.shared.Provenance;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Builds the {@link Provenance} of a command from its body and the request. The actor always
 * comes from the request, never from the body, so a client cannot record a change in someone
 * else's name.
 */
@Component
class RequestProvenance {

    /** Councils' days are London days: a change made at 00:30 BST on 1 April belongs to the new financial year. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Recorded as the actor only while security is switched off. */
    static final String ANONYMOUS = "anonymous";

    private final Clock clock;

    RequestProvenance(Clock clock) {
        this.clock = clock;
    }

    Provenance of(CommandBody body, HttpServletRequest request) {
        return of(body, request, LocalDate.now(clock.withZone(LONDON)));
    }

    /** The provenance of a command whose effective date, when the body gives none, is {@code effectiveByDefault}. */
    Provenance of(CommandBody body, HttpServletRequest request, LocalDate effectiveByDefault) {
        Principal principal = request.getUserPrincipal();
        String actor = principal == null || principal.getName() == null || principal.getName().isBlank()
                ? ANONYMOUS : principal.getName();
        LocalDate effectiveDate = body.effectiveDate() != null ? body.effectiveDate() : effectiveByDefault;
        return new Provenance(actor, trimmed(body.reason()), effectiveDate, trimmed(body.decisionRef()));
    }

    /** Milliseconds, the precision at which the event store records when events happened. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
