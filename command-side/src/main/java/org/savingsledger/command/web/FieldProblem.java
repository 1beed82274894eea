package org.savingsledger.command.web;

/**
 * One entry of a 400 problem's {@code errors}: which field of the body is wrong and why.
 * Nested fields are written with dots ({@code profile.2018/19}), list elements with brackets
 * ({@code programmeIds[1]}); {@code body} names the body as a whole.
 */
public record FieldProblem(String field, String message) {

    static final String BODY = "body";
}
