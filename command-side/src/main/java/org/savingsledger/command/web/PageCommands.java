package org.savingsledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import org.savingsledger.command.imports.ImportReport;
import org.savingsledger.command.web.ProgrammeRequests.ProposeSavingRequest;
import org.savingsledger.command.web.SavingController.ConfidenceRequest;
import org.savingsledger.command.web.SavingController.MoveRequest;
import org.savingsledger.command.web.SavingController.RagRequest;
import org.savingsledger.command.web.SavingController.StageRequest;
import org.savingsledger.command.web.SavingController.YearAmountRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The commands of the web interface's forms, sent exactly as the API sends them: the form's fields become the
 * API's request record (bound and validated as the API binds and validates a body, see {@link FormBinding}), the
 * API's own handler sends it to the command gateway, and a failure is what the API would answer
 * ({@link CommandFailures}). So a form can never accept what the API refuses, nor refuse what it accepts.
 */
@Component
public class PageCommands {

    /** The commands a form sends, by the API operation that sends them. */
    public enum Kind {
        PROPOSE_SAVING, RECORD_DELIVERY, CORRECT_DELIVERY, SLIP, BRING_FORWARD, CHANGE_STAGE, CHANGE_CONFIDENCE,
        CHANGE_RAG, PRESENT_REPORT
    }

    /**
     * What a command from a form came to: done ({@code result}), or refused with the API's status, problem detail
     * and, for a 400, its field problems (named as in the API: {@code amount}, {@code profile.2018/19}).
     */
    public record Outcome(CommandResult result, int status, String detail, List<FieldProblem> problems) {

        public boolean done() {
            return result != null;
        }
    }

    /** An import's report, or its refusal. */
    public record Imported(ImportReport report, Outcome refusal) {
    }

    private final FormBinding binding;
    private final SavingController savings;
    private final ProgrammeController programmes;
    private final CommitteeController committees;
    private final ImportController imports;

    PageCommands(ObjectMapper json, Validator validator, SavingController savings, ProgrammeController programmes,
                 CommitteeController committees, ImportController imports) {
        this.binding = new FormBinding(json, validator);
        this.savings = savings;
        this.programmes = programmes;
        this.committees = committees;
        this.imports = imports;
    }

    /** Sends {@code kind} to {@code id} (the saving, programme or committee of its path) with {@code body}'s fields. */
    public Outcome send(Kind kind, String id, ObjectNode body, HttpServletRequest request) {
        switch (kind) {
            case PROPOSE_SAVING:
                return run(body, ProposeSavingRequest.class, valid -> programmes.proposeSaving(id, valid, request));
            case RECORD_DELIVERY:
                return run(body, YearAmountRequest.class, valid -> savings.recordDelivery(id, valid, request));
            case CORRECT_DELIVERY:
                return run(body, YearAmountRequest.class, valid -> savings.correctDelivery(id, valid, request));
            case SLIP:
                return run(body, MoveRequest.class, valid -> savings.slip(id, valid, request));
            case BRING_FORWARD:
                return run(body, MoveRequest.class, valid -> savings.bringForward(id, valid, request));
            case CHANGE_STAGE:
                return run(body, StageRequest.class, valid -> savings.changeStage(id, valid, request));
            case CHANGE_CONFIDENCE:
                return run(body, ConfidenceRequest.class, valid -> savings.changeConfidence(id, valid, request));
            case CHANGE_RAG:
                return run(body, RagRequest.class, valid -> savings.changeRag(id, valid, request));
            case PRESENT_REPORT:
                return run(body, CommitteeController.PresentReportRequest.class,
                        valid -> committees.presentReport(id, valid, request));
            default:
                throw new IllegalArgumentException("no form sends " + kind);
        }
    }

    /** A tracker's import, a dry run or a commit, as {@code POST /api/imports} runs it (without a mapping). */
    public Imported importTracker(String organisation, boolean dryRun, String fileName, byte[] content, Authentication user,
                                  HttpServletRequest request) {
        try {
            return new Imported(imports.run(organisation, dryRun, fileName, content, null, user, request).report(), null);
        } catch (RuntimeException e) {
            return new Imported(null, refused(e));
        }
    }

    private <T> Outcome run(ObjectNode body, Class<T> type, Function<T, ResponseEntity<CommandResult>> command) {
        FormBinding.Bound<T> bound = binding.bind(body, type);
        if (bound.valid().isEmpty()) {
            return outcome(400, FieldProblem.invalidInput(bound.problems()));
        }
        try {
            ResponseEntity<CommandResult> answer = command.apply(bound.body());
            return new Outcome(answer.getBody(), answer.getStatusCode().value(), null, List.of());
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    /** The API's answer to {@code failure}; what the API itself would not answer is not answered here either. */
    private static Outcome refused(RuntimeException failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Optional<ResponseEntity<ProblemDetail>> known = CommandFailures.answer(t);
            if (known.isPresent()) {
                return outcome(known.get().getStatusCode().value(), known.get().getBody());
            }
        }
        throw failure;
    }

    @SuppressWarnings("unchecked")
    private static Outcome outcome(int status, ProblemDetail problem) {
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        return new Outcome(null, status, problem.getDetail(),
                errors instanceof List<?> list ? (List<FieldProblem>) list : List.of());
    }
}
