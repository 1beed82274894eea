package org.savingsledger.command.web;

import org.savingsledger.web.access.Organisations;
import org.savingsledger.web.access.Role;
import org.savingsledger.web.users.StoredUsers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bodies of {@code /admin/users} and what each field must be. A refusal names the field and never
 * repeats a password, nor does a body's {@code toString} (a log line or a debugger would show it).
 */
final class UserRequests {

    /** Long enough to resist guessing at ten tries per quarter hour for years. */
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads no further than 72 bytes: a longer password would be silently cut short. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_ORGANISATION_LENGTH = 100;
    static final int MAX_GRANTS = 100;

    private UserRequests() {
    }

    record CreateUserRequest(String name, String password, List<String> roles, List<String> organisations) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            if (name == null) {
                problems.add(new FieldProblem("name", "is required"));
            } else if (!StoredUsers.isName(name)) {
                problems.add(new FieldProblem("name", "must be 1 to " + StoredUsers.MAX_NAME_LENGTH + " lower-case letters"
                        + " and digits, words joined by one '.', '-', '_' or '@' (e.g. j.smith)"));
            }
            checkPassword(password, problems);
            checkRoles(roles, problems);
            checkOrganisations(organisations, problems);
            return problems;
        }

        @Override
        public String toString() {
            return "CreateUserRequest[name=" + name + ", roles=" + roles + ", organisations=" + organisations + "]";
        }
    }

    record UserRolesRequest(List<String> roles, Long expectedVersion) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            checkRoles(roles, problems);
            checkExpectedVersion(expectedVersion, problems);
            return problems;
        }
    }

    record UserOrganisationsRequest(List<String> organisations, Long expectedVersion) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            checkOrganisations(organisations, problems);
            checkExpectedVersion(expectedVersion, problems);
            return problems;
        }
    }

    record UserPasswordRequest(String password, Long expectedVersion) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            checkPassword(password, problems);
            checkExpectedVersion(expectedVersion, problems);
            return problems;
        }

        @Override
        public String toString() {
            return "UserPasswordRequest[expectedVersion=" + expectedVersion + "]";
        }
    }

    /** The optional body of enabling and disabling. */
    record UserVersionRequest(Long expectedVersion) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            checkExpectedVersion(expectedVersion, problems);
            return problems;
        }
    }

    private static void checkPassword(String password, List<FieldProblem> problems) {
        if (password == null) {
            problems.add(new FieldProblem("password", "is required"));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
    }

    private static void checkRoles(List<String> roles, List<FieldProblem> problems) {
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "must name at least one role (disable a user to take every right away)"));
            return;
        }
        if (roles.size() > Role.values().length) {
            problems.add(new FieldProblem("roles", "must name each role at most once"));
            return;
        }
        String known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (role == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
                problems.add(new FieldProblem("roles[" + i + "]", "must be one of " + known));
            }
        }
    }

    private static void checkOrganisations(List<String> organisations, List<FieldProblem> problems) {
        if (organisations == null) {
            problems.add(new FieldProblem("organisations", "is required (an empty list grants none)"));
            return;
        }
        if (organisations.size() > MAX_GRANTS) {
            problems.add(new FieldProblem("organisations", "must name at most " + MAX_GRANTS + " organisations"));
            return;
        }
        for (int i = 0; i < organisations.size(); i++) {
            String organisation = organisations.get(i);
            String field = "organisations[" + i + "]";
            if (organisation == null || organisation.isBlank()) {
                problems.add(new FieldProblem(field, "must not be blank"));
            } else if (organisation.strip().length() > MAX_ORGANISATION_LENGTH) {
                problems.add(new FieldProblem(field, "must be at most " + MAX_ORGANISATION_LENGTH + " characters"));
            } else if (organisation.strip().equals(Organisations.ALL)) {
                problems.add(new FieldProblem(field, "'*' grants nothing: every organisation comes with the ADMIN role alone"));
            }
        }
    }

    private static void checkExpectedVersion(Long expectedVersion, List<FieldProblem> problems) {
        if (expectedVersion != null && expectedVersion < 1) {
            problems.add(new FieldProblem("expectedVersion", "must be at least 1"));
        }
    }
}
