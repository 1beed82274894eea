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
import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.ReportId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static org.savingsledger.command.web.CommandResponses.FIRST_VERSION;
import static org.savingsledger.command.web.CommandResponses.newId;
import static org.savingsledger.command.web.CommandResponses.pathId;

/** Committees: establishing one, the programmes it oversees, and the position reports presented to it. */
@RestController
@RequestMapping(path = "/api/committees", produces = "application/json")
@Tag(name = "Committees", description = "Establish committees, assign programmes of the same organisation to them and "
        + "present position reports. Every body may also carry reason, effectiveDate (default today in Europe/London), "
        + "decisionRef and expectedVersion (a mismatch is a 409 and nothing is written).")
class CommitteeController {

    private final CommandGateway commandGateway;
    private final RequestProvenance provenance;
    private final CommandResponses responses;

    CommitteeController(CommandGateway commandGateway, RequestProvenance provenance, CommandResponses responses) {
        this.commandGateway = commandGateway;
        this.provenance = provenance;
        this.responses = responses;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Establish a committee (201). Without an id the server makes one; an id already in use is a 409.")
    ResponseEntity<CommandResult> establish(@Valid @RequestBody EstablishCommitteeRequest body, HttpServletRequest request) {
        body.refuseExpectedVersionOfWhatIsNew();
        CommitteeId id = newId(body.id(), CommitteeId::of, CommitteeId::generate);
        commandGateway.sendAndWait(new EstablishCommittee(id, body.organisation(), body.name(), provenance.of(body, request)));
        return responses.created("/api/committees/" + id, id.value(), id.value(), FIRST_VERSION);
    }

    @PostMapping("/{id}/programmes")
    @Operation(summary = "Make the committee oversee a programme of its own organisation (422 otherwise). Assigning one "
            + "it already oversees writes nothing and answers the current version.")
    ResponseEntity<CommandResult> assignProgramme(@PathVariable("id") String id, @Valid @RequestBody AssignProgrammeRequest body,
                                                  HttpServletRequest request) {
        CommitteeId committee = pathId(id, LedgerKind.COMMITTEE, CommitteeId::of);
        Object version = commandGateway.sendAndWait(new AssignProgrammeToCommittee(committee, body.programmeId(),
                provenance.of(body, request), body.expectedVersion()));
        return responses.changed(committee.value(), version);
    }

    /**
     * The report's figures are those the ledger knows at the moment it is presented, so the
     * server stamps {@code presentedAt}; a client cannot back-date what a committee was shown.
     */
    @PostMapping("/{id}/reports")
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Present a position report (201): freezes, as known now, the figures of programmeIds "
            + "(default: every programme the committee oversees) counting the changes effective on or before "
            + "figuresEffectiveOn (default: meetingDate; never after it). The report takes effect on meetingDate: an "
            + "effectiveDate other than meetingDate is a 400. The response id is the report's; version and "
            + "consistencyToken are the committee's.")
    ResponseEntity<CommandResult> presentReport(@PathVariable("id") String id, @Valid @RequestBody PresentReportRequest body,
                                                HttpServletRequest request) {
        CommitteeId committee = pathId(id, LedgerKind.COMMITTEE, CommitteeId::of);
        ReportId report = newId(body.id(), ReportId::of, ReportId::generate);
        Object version = commandGateway.sendAndWait(new PresentPositionReport(committee, report, body.meetingDate(),
                body.title(), body.programmeIds(), provenance.now(), body.figuresEffectiveOn(),
                provenance.of(body, request, body.meetingDate()), body.expectedVersion()));
        return responses.created("/api/committees/" + committee + "/reports/" + report, report.value(),
                committee.value(), responses.versionOf(version));
    }

    /** Establish a committee. {@code expectedVersion} is refused: nothing new has a version. */
    record EstablishCommitteeRequest(
            String id,
            @NotBlank @Size(max = 200) String organisation,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    record AssignProgrammeRequest(
            @NotNull ProgrammeId programmeId,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /**
     * Present a report; {@code id} optionally names the report, {@code expectedVersion} is the committee's.
     * {@code figuresEffectiveOn} defaults to the meeting date; {@code effectiveDate}, if sent, must be the meeting date.
     */
    record PresentReportRequest(
            String id,
            @NotNull LocalDate meetingDate,
            @NotBlank @Size(max = 500) String title,
            List<@NotNull ProgrammeId> programmeIds,
            LocalDate figuresEffectiveOn,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }
}
