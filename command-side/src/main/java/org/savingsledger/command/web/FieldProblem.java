package org.savingsledger.command.web;

import org.savingsledger.web.problem.ProblemType;
import org.springframework.http.ProblemDetail;

import java.util.Comparator;
import java.util.List;

/**
 * One entry of a 400 problem's {@code errors}: which field of the body is wrong and why.
 * Nested fields are written with dots ({@code profile.2018/19}), list elements with brackets
 * ({@code programmeIds[1]}); {@code body} names the body as a whole.
 */
public record FieldProblem(String field, String message) {

    static final String BODY = "body";

    /**
     * The 400 naming every field at once, so a client fixes them in one go: sorted and without
     * repeats, so the same input always gets the same answer.
     */
    static ProblemDetail invalidInput(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .distinct()
                .toList();
        String detail = sorted.isEmpty() ? "the request is not valid"
                : String.join("; ", sorted.stream().map(e -> e.field() + " " + e.message()).toList());
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(detail);
        problem.setProperty("errors", sorted);
        return problem;
    }
}
