package org.savingsledger.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.savingsledger.command.infrastructure.CommandsBusy;
import org.savingsledger.command.infrastructure.CommitOutcomeUnknown;
import org.savingsledger.command.imports.ImportRefused;
import org.savingsledger.command.imports.ImportStopped;
import org.savingsledger.command.imports.TrackerRefused;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.security.OrganisationAccess;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.HeuristicCompletionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each failure of a command answers: a table of exception types, tried in order on one exception
 * of the cause chain, so a subtype stands before its supertype (a version conflict before any
 * concurrency exception). {@link ApiExceptionHandler} walks the chain outermost first.
 */
final class CommandFailures {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String BUSY_RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** One row: failures of {@code type} answer what {@code answer} makes of them. */
    private record Row<T extends Throwable>(Class<T> type, Function<? super T, ResponseEntity<ProblemDetail>> answer) {

        Optional<ResponseEntity<ProblemDetail>> answer(Throwable failure) {
            return type.isInstance(failure) ? Optional.of(answer.apply(type.cast(failure))) : Optional.empty();
        }
    }

    private static final List<Row<?>> TABLE = List.of(
            row(InvalidCommand.class, invalid -> Problems.respond(FieldProblem.invalidInput(
                    List.of(new FieldProblem(invalid.field(), invalid.fieldMessage()))))),
            row(UnknownIdentifier.class, unknown -> Problems.respond(ProblemType.NOT_FOUND.problem(unknown.getMessage()))),
            row(TrackerRefused.class, refused -> Problems.respond((refused.status() == 415 ? ProblemType.UNSUPPORTED_FILE
                    : ProblemType.UNREADABLE_FILE).problem(refused.getMessage()))),
            row(ImportRefused.class, ImportFailures::refused),
            row(ImportStopped.class, ImportFailures::stopped),
            row(OrganisationAccess.ForbiddenOrganisation.class,
                    forbidden -> Problems.respond(ProblemType.FORBIDDEN.problem(forbidden.getMessage()))),
            row(AggregateNotFoundException.class, notFound -> Problems.respond(ProblemType.NOT_FOUND.problem(
                    "nothing with id '" + notFound.getAggregateIdentifier() + "'"))),
            row(BusinessRuleViolation.class, violation -> Problems.respond(
                    ProblemType.ruleViolation(violation.rule().slug(), violation.getMessage()))),
            row(DuplicateIdentifier.class, duplicate -> Problems.respond(ProblemType.ID_IN_USE.problem(duplicate.getMessage()))),
            // The event store refusing a second stream for an id, or the directory's primary key: a
            // concurrent create of the same id. Their messages name tables and SQL, so they are not echoed.
            row(AggregateStreamCreationException.class, CommandFailures::idInUse),
            row(DuplicateKeyException.class, CommandFailures::idInUse),
            row(ConflictingAggregateVersionException.class, conflict -> Problems.respond(ProblemType.VERSION_CONFLICT.problem(
                    "expected version " + conflict.getExpectedVersion() + " but it is at version "
                            + conflict.getActualVersion() + "; read it again and retry"))),
            row(ConcurrencyException.class, conflict -> Problems.respond(ProblemType.VERSION_CONFLICT.problem(
                    "it was changed by another command at the same time; read it again and retry"))),
            // Decided before its cause (the chain is walked outermost first): the cause, a lost connection say,
            // would read as "nothing was written", which once the commit has begun is not known. Nor is it when
            // Spring could not complete a transaction's commit or rollback.
            row(CommitOutcomeUnknown.class, CommandFailures::outcomeUnknown),
            row(TransactionSystemException.class, CommandFailures::outcomeUnknown),
            row(HeuristicCompletionException.class, CommandFailures::outcomeUnknown),
            row(CommandsBusy.class, busy -> {
                log.warn("Command not started: {}", busy.getMessage());
                return retryAfter(BUSY_RETRY_AFTER_SECONDS, ProblemType.SERVICE_UNAVAILABLE.problem(
                        "the ledger is busy with other commands; nothing was written, retry shortly"));
            }),
            row(DataAccessResourceFailureException.class, CommandFailures::unavailable),
            row(TransientDataAccessException.class, CommandFailures::unavailable),
            row(CannotCreateTransactionException.class, CommandFailures::unavailable),
            row(SQLTransientConnectionException.class, CommandFailures::unavailable),
            row(SQLNonTransientConnectionException.class, CommandFailures::unavailable));

    private CommandFailures() {
    }

    /** The answer to {@code failure} itself, not its causes; empty when the table does not know it. */
    static Optional<ResponseEntity<ProblemDetail>> answer(Throwable failure) {
        for (Row<?> row : TABLE) {
            Optional<ResponseEntity<ProblemDetail>> answer = row.answer(failure);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Row<T> row(Class<T> type, Function<? super T, ResponseEntity<ProblemDetail>> answer) {
        return new Row<>(type, answer);
    }

    private static ResponseEntity<ProblemDetail> idInUse(Throwable failure) {
        return Problems.respond(ProblemType.ID_IN_USE.problem("the id is already in use"));
    }

    private static ResponseEntity<ProblemDetail> outcomeUnknown(Throwable failure) {
        log.warn("Command outcome unknown: {}", failure.toString(), failure.getCause());
        return retryAfter(RETRY_AFTER_SECONDS, ProblemType.OUTCOME_UNKNOWN.problem(
                "the database failed while the command was being committed: it may or may not have been recorded. "
                        + "Sending it again with the same Idempotency-Key is safe (it is never recorded twice); "
                        + "without one, read the resource (e.g. its history) before sending it again"));
    }

    private static ResponseEntity<ProblemDetail> unavailable(Throwable failure) {
        log.warn("Event store unavailable: {}", failure.toString());
        return retryAfter(RETRY_AFTER_SECONDS, ProblemType.SERVICE_UNAVAILABLE.problem(
                "the ledger's database cannot be reached; nothing was written, retry shortly"));
    }

    private static ResponseEntity<ProblemDetail> retryAfter(String seconds, ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, seconds);
        return Problems.respond(problem, headers);
    }
}
