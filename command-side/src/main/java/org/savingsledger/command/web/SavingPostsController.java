package org.savingsledger.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.saving.CorrectSavingPostsDelivered;
import org.savingsledger.command.saving.RecordSavingPostsDelivered;
import org.savingsledger.command.saving.ReviseSavingPosts;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.SavingId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.savingsledger.command.web.CommandResponses.pathId;

/**
 * A saving's posts (FTE reduced), planned and delivered per year like its money: each command requires a
 * {@code reason} and takes effect on its {@code effectiveDate}. FTE are decimals with at most two places.
 */
@RestController
@RequestMapping(path = "/api/savings/{id}", produces = "application/json")
@Tag(name = "Savings")
class SavingPostsController {

    private final CommandGateway commandGateway;
    private final RequestProvenance provenance;
    private final CommandResponses responses;

    SavingPostsController(CommandGateway commandGateway, RequestProvenance provenance, CommandResponses responses) {
        this.commandGateway = commandGateway;
        this.provenance = provenance;
        this.responses = responses;
    }

    @PostMapping("/posts")
    @Operation(summary = "Replace the whole posts plan (FTE per year, each at most 1000000.00); a year left out "
            + "becomes 0. Every year must lie within the programme's years (422 otherwise).")
    ResponseEntity<CommandResult> revisePosts(@PathVariable("id") String id, @Valid @RequestBody PostsRequest body,
                                              HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ReviseSavingPosts(saving, body.posts(), provenance.of(body, request),
                body.expectedVersion()));
    }

    @PostMapping("/posts-deliveries")
    @Operation(summary = "Record posts (FTE) reduced in a year: adds posts (> 0) to its posts delivered. "
            + "More than planned is allowed and shown.")
    ResponseEntity<CommandResult> recordPostsDelivered(@PathVariable("id") String id,
                                                       @Valid @RequestBody YearPostsRequest body,
                                                       HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new RecordSavingPostsDelivered(saving, body.year(), body.posts(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/posts-delivery-corrections")
    @Operation(summary = "Correct a year's posts delivered by a signed, non-zero number of FTE; never below 0 "
            + "(422 otherwise).")
    ResponseEntity<CommandResult> correctPostsDelivered(@PathVariable("id") String id,
                                                        @Valid @RequestBody YearPostsRequest body,
                                                        HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new CorrectSavingPostsDelivered(saving, body.year(), body.posts(),
                provenance.of(body, request), body.expectedVersion()));
    }

    private ResponseEntity<CommandResult> changed(SavingId saving, Object command) {
        return responses.changed(saving.value(), commandGateway.sendAndWait(command));
    }

    record PostsRequest(
            @NotNull PostsProfile posts,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** Posts delivered (above zero) or a correction of them (signed, non-zero). */
    record YearPostsRequest(
            @NotNull FinancialYear year,
            @NotNull Fte posts,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }
}
