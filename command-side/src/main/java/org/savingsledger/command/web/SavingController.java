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
import org.savingsledger.command.saving.BringSavingForward;
import org.savingsledger.command.saving.ChangeSavingConfidence;
import org.savingsledger.command.saving.ChangeSavingDetails;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ChangeSavingStage;
import org.savingsledger.command.saving.ClassifySaving;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Rag;
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

import static org.savingsledger.command.web.CommandResponses.pathId;

/**
 * Commands to an existing saving. Every one of them changes money, a stage, a confidence, a RAG
 * status, a classification or (withdrawal) what counts in the totals, so every one requires a
 * {@code reason}. Its posts (FTE) are {@link SavingPostsController}'s.
 */
@RestController
@RequestMapping(path = "/api/savings/{id}", produces = "application/json")
@Tag(name = "Savings", description = "Re-profile, slip, bring forward, record and correct deliveries, change stage, "
        + "confidence and RAG, change title, workstream, owner and description, classify (category, recurrence), "
        + "plan and record posts (FTE), withdraw. Every body requires reason and may carry effectiveDate (default today in "
        + "Europe/London), decisionRef and expectedVersion (a mismatch is a 409 and nothing is written). "
        + "A withdrawn saving refuses every command with a 422.")
class SavingController {

    private final CommandGateway commandGateway;
    private final RequestProvenance provenance;
    private final CommandResponses responses;

    SavingController(CommandGateway commandGateway, RequestProvenance provenance, CommandResponses responses) {
        this.commandGateway = commandGateway;
        this.provenance = provenance;
        this.responses = responses;
    }

    @PostMapping("/profile")
    @Operation(summary = "Replace the whole planned profile; a year left out becomes 0.")
    ResponseEntity<CommandResult> reviseProfile(@PathVariable("id") String id, @Valid @RequestBody ProfileRequest body,
                                                HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ReviseSavingProfile(saving, body.profile(), provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/slips")
    @Operation(summary = "Move planned savings to a later year; at most what is planned and not yet delivered in fromYear "
            + "(422 otherwise). The total is unchanged.")
    ResponseEntity<CommandResult> slip(@PathVariable("id") String id, @Valid @RequestBody MoveRequest body,
                                       HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new SlipSavingToYear(saving, body.fromYear(), body.toYear(), body.amount(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/bring-forwards")
    @Operation(summary = "Move planned savings to an earlier year; at most what is planned and not yet delivered in "
            + "fromYear (422 otherwise). The total is unchanged.")
    ResponseEntity<CommandResult> bringForward(@PathVariable("id") String id, @Valid @RequestBody MoveRequest body,
                                               HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new BringSavingForward(saving, body.fromYear(), body.toYear(), body.amount(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/deliveries")
    @Operation(summary = "Record savings delivered in a year: adds amount (> 0) to its delivered total. "
            + "Delivering more than planned is allowed and shown.")
    ResponseEntity<CommandResult> recordDelivery(@PathVariable("id") String id, @Valid @RequestBody YearAmountRequest body,
                                                 HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new RecordSavingDelivered(saving, body.year(), body.amount(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/delivery-corrections")
    @Operation(summary = "Correct a year's delivered total by a signed, non-zero amount; never below 0 (422 otherwise).")
    ResponseEntity<CommandResult> correctDelivery(@PathVariable("id") String id, @Valid @RequestBody YearAmountRequest body,
                                                  HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new CorrectSavingDelivery(saving, body.year(), body.amount(),
                provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/stage")
    @Operation(summary = "Change the stage. Setting the stage it already has writes nothing and answers the current version.")
    ResponseEntity<CommandResult> changeStage(@PathVariable("id") String id, @Valid @RequestBody StageRequest body,
                                              HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ChangeSavingStage(saving, body.stage(), provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/confidence")
    @Operation(summary = "Change the confidence. Setting the confidence it already has writes nothing and answers the "
            + "current version.")
    ResponseEntity<CommandResult> changeConfidence(@PathVariable("id") String id, @Valid @RequestBody ConfidenceRequest body,
                                                   HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ChangeSavingConfidence(saving, body.confidence(), provenance.of(body, request),
                body.expectedVersion()));
    }

    @PostMapping("/rag")
    @Operation(summary = "Set the RAG status. Setting the status it already has writes nothing and answers the current version.")
    ResponseEntity<CommandResult> changeRag(@PathVariable("id") String id, @Valid @RequestBody RagRequest body,
                                            HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ChangeSavingRag(saving, body.status(), provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/withdrawal")
    @Operation(summary = "Withdraw the saving: it keeps its history, takes no further commands and counts 0 in planned "
            + "totals from its withdrawal onward. The body carries only the common fields; reason is required.")
    ResponseEntity<CommandResult> withdraw(@PathVariable("id") String id, @Valid @RequestBody WithdrawalRequest body,
                                           HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new WithdrawSaving(saving, provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/details")
    @Operation(summary = "Replace any of title, workstream, owner and description; a field left out keeps its value. "
            + "At least one is given (400 otherwise), none blank (400), and each one given differs from the current value "
            + "(422 rule amendment-changes-each-field otherwise).")
    ResponseEntity<CommandResult> changeDetails(@PathVariable("id") String id, @Valid @RequestBody SavingDetailsRequest body,
                                                HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ChangeSavingDetails(saving, body.title(), body.workstream(), body.owner(),
                body.description(), provenance.of(body, request), body.expectedVersion()));
    }

    @PostMapping("/classification")
    @Operation(summary = "Change the category, the recurrence or both (at least one; one left out keeps its value). "
            + "Classifying it as it already is writes nothing and answers the current version.")
    ResponseEntity<CommandResult> classify(@PathVariable("id") String id, @Valid @RequestBody ClassificationRequest body,
                                           HttpServletRequest request) {
        SavingId saving = pathId(id, LedgerKind.SAVING, SavingId::of);
        return changed(saving, new ClassifySaving(saving, body.category(), body.recurrence(), provenance.of(body, request),
                body.expectedVersion()));
    }

    private ResponseEntity<CommandResult> changed(SavingId saving, Object command) {
        return responses.changed(saving.value(), commandGateway.sendAndWait(command));
    }

    record ProfileRequest(
            @NotNull SavingsProfile profile,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** A slip ({@code toYear} later than {@code fromYear}) or a bring-forward ({@code toYear} earlier). */
    record MoveRequest(
            @NotNull FinancialYear fromYear,
            @NotNull FinancialYear toYear,
            @NotNull Money amount,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** A delivery (amount above zero) or a delivery correction (signed, non-zero). */
    record YearAmountRequest(
            @NotNull FinancialYear year,
            @NotNull Money amount,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record StageRequest(
            @NotNull Stage stage,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record ConfidenceRequest(
            @NotNull Confidence confidence,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record RagRequest(
            @NotNull Rag status,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record ClassificationRequest(
            SavingCategory category,
            Recurrence recurrence,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record WithdrawalRequest(
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** The saving's words to replace; each field is optional, at least one is given. */
    record SavingDetailsRequest(
            @Size(max = 500) String title,
            @Size(max = 200) String workstream,
            @Size(max = 200) String owner,
            @Size(max = 2000) String description,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }
}
