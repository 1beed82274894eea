package org.savingsledger.command.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.savingsledger.command.imports.ImportRefused;
import org.savingsledger.command.imports.ImportStopped;
import org.savingsledger.command.imports.PlannedCommand;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The answers to an import refused whole, and to one stopped part-way, saying exactly what was written. */
final class ImportFailures {

    private static final Logger log = LoggerFactory.getLogger(ImportFailures.class);

    private ImportFailures() {
    }

    static ResponseEntity<ProblemDetail> refused(ImportRefused refused) {
        ProblemDetail problem = ProblemType.TRACKER_HAS_PROBLEMS.problem(refused.getMessage());
        problem.setProperty("problems", refused.report().problems());
        problem.setProperty("leftOut", refused.report().leftOut());
        return Problems.respond(problem);
    }

    /**
     * The refusal of the command it stopped at, as that command alone would have been answered, with
     * the commands written before it and those never sent. What was written is certain; whether the
     * refused command was is said by its own answer (an unknown outcome says so).
     */
    static ResponseEntity<ProblemDetail> stopped(ImportStopped stopped) {
        ResponseEntity<ProblemDetail> cause = causeAnswer(stopped.getCause()).orElseGet(() -> {
            log.error("Import command failed unexpectedly", stopped.getCause());
            return Problems.respond(ProblemType.INTERNAL_SERVER_ERROR.problem(
                    "the server failed to process the command; the error has been logged"));
        });
        ProblemDetail problem = cause.getBody();
        problem.setDetail(stopped.getMessage() + ": " + problem.getDetail() + ". Run the import again to complete it: it "
                + "sends only what still differs from the ledger");
        problem.setProperty("written", steps(stopped.written()));
        problem.setProperty("stoppedAt", step(stopped.refused()));
        problem.setProperty("notSent", steps(stopped.notSent()));
        return new ResponseEntity<>(problem, cause.getHeaders(), cause.getStatusCode());
    }

    private static Optional<ResponseEntity<ProblemDetail>> causeAnswer(Throwable cause) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            Optional<ResponseEntity<ProblemDetail>> known = CommandFailures.answer(t);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private static List<Map<String, Object>> steps(List<PlannedCommand> commands) {
        return commands.stream().map(ImportFailures::step).toList();
    }

    private static Map<String, Object> step(PlannedCommand command) {
        return Map.of("row", command.row(), "savingId", command.savingId(), "command", command.name(),
                "summary", command.summary());
    }
}
