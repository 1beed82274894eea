package org.savingsledger.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who made a change, why, on whose authority, and when it takes effect in the real world.
 * Carried by every event so an auditor can answer "by whom, on whose authority and why".
 * When the change was recorded is the event's own timestamp.
 *
 * @param actor         the authenticated principal who issued the command ({@code anonymous} only with security off)
 * @param reason        why; required by commands that change money, stage, confidence or RAG; otherwise may be null
 * @param effectiveDate when the change takes effect in the real world
 * @param decisionRef   the authority, e.g. {@code ASC&PH Committee 2018-03-12 item 9}; may be null
 */
public record Provenance(String actor, String reason, LocalDate effectiveDate, String decisionRef) {

    public Provenance {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
        Objects.requireNonNull(effectiveDate, "effectiveDate is required");
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
