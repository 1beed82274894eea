package org.savingsledger.query.organisation;

import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.query.history.Fact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An organisation as registered: its id, name and ONS GSS code (null when none was given). */
public record OrganisationRef(String id, String name, @Schema(nullable = true) String gssCode) {

    /** The organisation as known at {@code asAt}; empty when it was not yet registered then. */
    static Optional<OrganisationRef> of(String id, List<Fact> facts, Instant asAt) {
        return facts.stream().filter(fact -> !fact.recordedAt().isAfter(asAt)).reduce((first, later) -> later)
                .map(fact -> new OrganisationRef(id, fact.attribute("name"), fact.attribute("gssCode")));
    }
}
