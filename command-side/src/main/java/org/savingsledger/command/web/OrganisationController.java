package org.savingsledger.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.savingsledger.command.web.CommandResponses.FIRST_VERSION;

/** Organisations: registering the councils that programmes and committees belong to. */
@RestController
@RequestMapping(path = "/api/organisations", produces = "application/json")
@Tag(name = "Organisations", description = "Register the organisations (councils) that programmes and committees name "
        + "(administrator only). The body may also carry reason, effectiveDate (default today in Europe/London), "
        + "decisionRef and expectedVersion (no meaning on a create).")
class OrganisationController {

    private final CommandGateway commandGateway;
    private final RequestProvenance provenance;
    private final CommandResponses responses;

    OrganisationController(CommandGateway commandGateway, RequestProvenance provenance, CommandResponses responses) {
        this.commandGateway = commandGateway;
        this.provenance = provenance;
        this.responses = responses;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Register an organisation (201) under a lower-case slug id such as nottinghamshire, with its "
            + "name and optionally its ONS GSS code (E10000024). An id already in use is a 409.")
    ResponseEntity<CommandResult> register(@Valid @RequestBody RegisterOrganisationRequest body, HttpServletRequest request) {
        if (!OrganisationId.isValid(body.id())) {
            throw new InvalidCommand("id", "must be a lower-case slug matching ^[a-z0-9]+(-[a-z0-9]+)*$ of at most 63 "
                    + "characters, like nottinghamshire or east-riding");
        }
        OrganisationId id = OrganisationId.of(body.id());
        commandGateway.sendAndWait(new RegisterOrganisation(id, body.name(), body.gssCode(), provenance.of(body, request)));
        return responses.created("/api/organisations/" + id, id.value(), id.value(), FIRST_VERSION);
    }

    /** Register an organisation. {@code expectedVersion} is accepted for uniformity and has no meaning on a create. */
    record RegisterOrganisationRequest(
            @NotNull String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 9) String gssCode,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }
}
