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
import org.savingsledger.command.programme.ApproveProgrammeBudget;
import org.savingsledger.command.programme.DrawDownProgrammeCost;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.programme.ReviseProgrammeTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.savingsledger.command.web.CommandResponses.FIRST_VERSION;
import static org.savingsledger.command.web.CommandResponses.newId;
import static org.savingsledger.command.web.CommandResponses.pathId;

/** Commands to programmes, and proposing a saving within one. */
@RestController
@RequestMapping(path = "/api/programmes", produces = "application/json")
@Tag(name = "Programmes", description = "Launch programmes and change their target, budget and costs; propose savings. "
        + "Every body may also carry reason, effectiveDate (default today in Europe/London), decisionRef and expectedVersion "
        + "(a mismatch is a 409 and nothing is written).")
class ProgrammeController {

    private final CommandGateway commandGateway;
    private final RequestProvenance provenance;
    private final CommandResponses responses;

    ProgrammeController(CommandGateway commandGateway, RequestProvenance provenance, CommandResponses responses) {
        this.commandGateway = commandGateway;
        this.provenance = provenance;
        this.responses = responses;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Launch a programme (201). Without an id the server makes one; an id already in use is a 409.")
    ResponseEntity<CommandResult> launch(@Valid @RequestBody LaunchProgrammeRequest body, HttpServletRequest request) {
        ProgrammeId id = newId(body.id(), ProgrammeId::of, ProgrammeId::generate);
        commandGateway.sendAndWait(new LaunchProgramme(id, body.organisation(), body.name(), body.description(),
                body.savingsTarget(), body.firstYear(), body.lastYear(), provenance.of(body, request)));
        return responses.created("/api/programmes/" + id, id.value(), id.value(), FIRST_VERSION);
    }

    @PostMapping("/{id}/target")
    @Operation(summary = "Replace the programme's savings target (reason required).")
    ResponseEntity<CommandResult> reviseTarget(@PathVariable("id") String id, @Valid @RequestBody ReviseTargetRequest body,
                                               HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        Object version = commandGateway.sendAndWait(new ReviseProgrammeTarget(programme, body.savingsTarget(),
                provenance.of(body, request), body.expectedVersion()));
        return responses.changed(programme.value(), version);
    }

    @PostMapping("/{id}/budget-approvals")
    @Operation(summary = "Approve more cost budget: adds amount (> 0) to the approved budget (reason required).")
    ResponseEntity<CommandResult> approveBudget(@PathVariable("id") String id, @Valid @RequestBody AmountRequest body,
                                                HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        Object version = commandGateway.sendAndWait(new ApproveProgrammeBudget(programme, body.amount(),
                provenance.of(body, request), body.expectedVersion()));
        return responses.changed(programme.value(), version);
    }

    @PostMapping("/{id}/cost-drawdowns")
    @Operation(summary = "Draw down cost: adds amount (> 0) to the cost drawn down; above the approved budget is allowed "
            + "and shown (reason required).")
    ResponseEntity<CommandResult> drawDownCost(@PathVariable("id") String id, @Valid @RequestBody AmountRequest body,
                                               HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        Object version = commandGateway.sendAndWait(new DrawDownProgrammeCost(programme, body.amount(),
                provenance.of(body, request), body.expectedVersion()));
        return responses.changed(programme.value(), version);
    }

    @PostMapping("/{id}/savings")
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Propose a saving in the programme (201); its stage is CONCEPT, BUSINESS_CASE or IN_DELIVERY "
            + "and every profile and posts year must lie within the programme's years (422 otherwise). Optional: "
            + "recurrence (RECURRING, the default, or ONE_OFF), category (COST_REDUCTION, INCOME_GENERATION or "
            + "COST_AVOIDANCE; none if left out) and posts, the posts (FTE, up to 2 decimal places) planned per year.")
    ResponseEntity<CommandResult> proposeSaving(@PathVariable("id") String id, @Valid @RequestBody ProposeSavingRequest body,
                                                HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        SavingId saving = newId(body.id(), SavingId::of, SavingId::generate);
        commandGateway.sendAndWait(new ProposeSaving(saving, programme, body.title(), body.workstream(), body.owner(),
                body.confidence(), body.stage(), body.profile(), provenance.of(body, request), body.recurrence(),
                body.category(), body.posts()));
        return responses.created("/api/savings/" + saving, saving.value(), saving.value(), FIRST_VERSION);
    }

    /** Launch a programme. {@code expectedVersion} is accepted for uniformity and has no meaning on a create. */
    record LaunchProgrammeRequest(
            String id,
            @NotBlank @Size(max = 200) String organisation,
            @NotBlank @Size(max = 200) String name,
            @NotNull Money savingsTarget,
            @NotNull FinancialYear firstYear,
            @NotNull FinancialYear lastYear,
            @Size(max = 2000) String description,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record ReviseTargetRequest(
            @NotNull Money savingsTarget,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** A budget approval or a cost drawdown: an amount above zero. */
    record AmountRequest(
            @NotNull Money amount,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** Propose a saving. {@code profile} maps years to planned amounts: {@code {"2018/19": 6804000}}. */
    record ProposeSavingRequest(
            String id,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 200) String workstream,
            @Size(max = 200) String owner,
            @NotNull Confidence confidence,
            @NotNull Stage stage,
            @NotNull SavingsProfile profile,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            Recurrence recurrence,
            SavingCategory category,
            PostsProfile posts) implements CommandBody {
    }
}
