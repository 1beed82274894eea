package org.savingsledger.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.command.programme.ApproveProgrammeBudget;
import org.savingsledger.command.programme.ChangeProgrammeDetails;
import org.savingsledger.command.programme.ChangeProgrammePeriod;
import org.savingsledger.command.programme.CorrectProgrammeBudget;
import org.savingsledger.command.programme.CorrectProgrammeCostDrawdown;
import org.savingsledger.command.programme.DrawDownProgrammeCost;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.programme.ResolvePendingBudget;
import org.savingsledger.command.programme.ReviseProgrammeTarget;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.web.ProgrammeRequests.AmountRequest;
import org.savingsledger.command.web.ProgrammeRequests.LaunchProgrammeRequest;
import org.savingsledger.command.web.ProgrammeRequests.ProgrammeDetailsRequest;
import org.savingsledger.command.web.ProgrammeRequests.ProgrammePeriodRequest;
import org.savingsledger.command.web.ProgrammeRequests.ProposeSavingRequest;
import org.savingsledger.command.web.ProgrammeRequests.ReviseTargetRequest;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.savingsledger.command.web.CommandResponses.FIRST_VERSION;
import static org.savingsledger.command.web.CommandResponses.newId;
import static org.savingsledger.command.web.CommandResponses.pathId;

/** Commands to programmes, and proposing a saving within one. */
@RestController
@RequestMapping(path = "/api/programmes", produces = "application/json")
@Tag(name = "Programmes", description = "Launch programmes and change their target, budget (per funding source, "
        + "approved or pending a decision) and costs; correct the budget "
        + "and the costs; rename them, change their description and period; propose savings. "
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
    @Operation(summary = "Launch a programme (201). Without an id the server makes one; an id already in use is a 409. "
            + "follows (optional) names the programme of the same organisation it is the next phase of (422 rule "
            + "follows-own-programme otherwise); directorate (optional) the council directorate it belongs to.")
    ResponseEntity<CommandResult> launch(@Valid @RequestBody LaunchProgrammeRequest body, HttpServletRequest request) {
        body.refuseExpectedVersionOfWhatIsNew();
        ProgrammeId id = newId(body.id(), ProgrammeId::of, ProgrammeId::generate);
        commandGateway.sendAndWait(new LaunchProgramme(id, body.organisation(), body.name(), body.description(),
                body.savingsTarget(), body.firstYear(), body.lastYear(), provenance.of(body, request), body.follows(),
                body.directorate()));
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
    @Operation(summary = "Approve more cost budget: adds amount (> 0) to the approved budget of the funding source "
            + "(optional, e.g. \"DLUHC grant\"); with pending true it is a bid not yet decided, added to what is "
            + "pending for the source instead (reason required).")
    ResponseEntity<CommandResult> approveBudget(@PathVariable("id") String id, @Valid @RequestBody FundingRequests.BudgetApprovalRequest body,
                                                HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        Object version = commandGateway.sendAndWait(new ApproveProgrammeBudget(programme, body.amount(),
                provenance.of(body, request), body.expectedVersion(), body.source(), Boolean.TRUE.equals(body.pending())));
        return responses.changed(programme.value(), version);
    }

    @PostMapping("/{id}/cost-drawdowns")
    @Operation(summary = "Draw down cost: adds amount (> 0) to the cost drawn down, on the funding source (optional); "
            + "above the approved budget is allowed and shown (reason required).")
    ResponseEntity<CommandResult> drawDownCost(@PathVariable("id") String id, @Valid @RequestBody AmountRequest body,
                                               HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        Object version = commandGateway.sendAndWait(new DrawDownProgrammeCost(programme, body.amount(),
                provenance.of(body, request), body.expectedVersion(), body.source()));
        return responses.changed(programme.value(), version);
    }

    @PostMapping("/{id}/budget-corrections")
    @Operation(summary = "Correct the approved budget by a signed, non-zero amount (a reduction, or an approval typed "
            + "wrongly); never below 0 (422 rule approved-budget-never-negative otherwise), nor the approved budget of "
            + "the funding source it names, or of no source when it names none (422 rule source-figures-never-negative; "
            + "reason required).")
    ResponseEntity<CommandResult> correctBudget(@PathVariable("id") String id, @Valid @RequestBody AmountRequest body,
                                                HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        return changed(programme, new CorrectProgrammeBudget(programme, body.amount(), provenance.of(body, request),
                body.expectedVersion(), body.source()));
    }

    @PostMapping("/{id}/cost-drawdown-corrections")
    @Operation(summary = "Correct the cost drawn down by a signed, non-zero amount (a drawdown reversed, or typed "
            + "wrongly); never below 0 (422 rule cost-drawn-down-never-negative otherwise), nor the cost drawn down on "
            + "the funding source it names, or on no source when it names none (422 rule source-figures-never-negative; "
            + "reason required).")
    ResponseEntity<CommandResult> correctCostDrawdown(@PathVariable("id") String id, @Valid @RequestBody AmountRequest body,
                                                      HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        return changed(programme, new CorrectProgrammeCostDrawdown(programme, body.amount(), provenance.of(body, request),
                body.expectedVersion(), body.source()));
    }

    @PostMapping("/{id}/pending-budget-resolutions")
    @Operation(summary = "Decide amount (> 0) of the budget pending for the funding source (left out: the bids that "
            + "named none): APPROVED moves it to the approved budget, DECLINED just takes it off pending. At most what "
            + "is pending for the source (422 rule resolution-within-pending otherwise; reason required).")
    ResponseEntity<CommandResult> resolvePendingBudget(@PathVariable("id") String id,
                                                       @Valid @RequestBody FundingRequests.PendingBudgetResolutionRequest body,
                                                       HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        return changed(programme, new ResolvePendingBudget(programme, body.source(), body.amount(), body.decision(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/{id}/details")
    @Operation(operationId = "changeProgrammeDetails", summary = "Rename the programme, replace its description and/or its directorate; a field left out keeps its value. At "
            + "least one is given (400 otherwise), none blank (400), and each one given differs from the current value "
            + "(422 rule amendment-changes-each-field otherwise; reason required).")
    ResponseEntity<CommandResult> changeDetails(@PathVariable("id") String id, @Valid @RequestBody ProgrammeDetailsRequest body,
                                                HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        return changed(programme, new ChangeProgrammeDetails(programme, body.name(), body.description(),
                provenance.of(body, request), body.expectedVersion(), body.directorate()));
    }

    @PostMapping("/{id}/period")
    @Operation(summary = "Give the programme a new period firstYear..lastYear (extend, shorten or move it). Refused "
            + "with 422 rule period-keeps-years-with-money while a year it would drop holds planned money of a saving "
            + "not withdrawn or delivered money of any saving; 422 rule amendment-changes-each-field when it is the "
            + "current period (reason required).")
    ResponseEntity<CommandResult> changePeriod(@PathVariable("id") String id, @Valid @RequestBody ProgrammePeriodRequest body,
                                               HttpServletRequest request) {
        ProgrammeId programme = pathId(id, LedgerKind.PROGRAMME, ProgrammeId::of);
        return changed(programme, new ChangeProgrammePeriod(programme, body.firstYear(), body.lastYear(),
                provenance.of(body, request), body.expectedVersion()));
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
        body.refuseExpectedVersionOfWhatIsNew();
        SavingId saving = newId(body.id(), SavingId::of, SavingId::generate);
        commandGateway.sendAndWait(new ProposeSaving(saving, programme, body.title(), body.workstream(), body.owner(),
                body.confidence(), body.stage(), body.profile(), provenance.of(body, request), body.recurrence(),
                body.category(), body.posts()));
        return responses.created("/api/savings/" + saving, saving.value(), saving.value(), FIRST_VERSION);
    }

    private ResponseEntity<CommandResult> changed(ProgrammeId programme, Object command) {
        return responses.changed(programme.value(), commandGateway.sendAndWait(command));
    }
}
