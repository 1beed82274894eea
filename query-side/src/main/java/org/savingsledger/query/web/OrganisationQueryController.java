package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.organisation.OrganisationRef;
import org.savingsledger.query.organisation.OrganisationView;
import org.savingsledger.shared.OrganisationId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@Tag(name = "Organisation queries", description = "The organisations the caller may see, and the roll-up of an "
        + "organisation's programmes per financial year, as at any instant (asAt) and effective on any date (effectiveOn).")
class OrganisationQueryController {

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    OrganisationQueryController(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping(path = "/api/organisations", produces = "application/json")
    @Operation(summary = "The organisations the caller may see that were registered as at asAt, ordered by id.")
    List<OrganisationRef> organisations(@RequestParam(required = false) String asAt,
                                        @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        return queries.organisations().organisations(QueryParameters.asAt(asAt, clock));
    }

    @GetMapping(path = "/api/organisations/{id}", produces = "application/json")
    @Operation(summary = "An organisation (id, name, gssCode) and its programmes rolled up: per financial year planned, "
            + "delivered and undelivered (planned − delivered); in total the savings targets too; and each programme's "
            + "figures. 404 when it was not registered as at asAt or the caller may not see it.")
    OrganisationView organisation(@PathVariable("id") String id, @RequestParam(required = false) String asAt,
                                  @RequestParam(required = false) String effectiveOn,
                                  @RequestParam(required = false) String consistencyToken) {
        readYourWrites.await(consistencyToken);
        if (!OrganisationId.isValid(id)) {
            throw new QueryParameters.NotFound("no organisation '" + id + "'");
        }
        return queries.organisations().organisation(id, QueryParameters.asAt(asAt, clock),
                        QueryParameters.effectiveOn(effectiveOn, clock))
                .orElseThrow(() -> new QueryParameters.NotFound("no organisation '" + id + "'"));
    }
}
