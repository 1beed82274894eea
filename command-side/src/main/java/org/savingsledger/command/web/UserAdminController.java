package org.savingsledger.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.web.PublicLinks;
import org.savingsledger.web.problem.Problems;
import org.savingsledger.web.users.StoredUser;
import org.savingsledger.web.users.StoredUsers;
import org.savingsledger.web.users.UserChange;
import org.savingsledger.web.users.UserChangeRefused;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Users kept in the database, for administrators alone (the security chains ask {@code ADMIN} for
 * {@code /admin/**}): served by the command side, which owns writes. Who made each change is the
 * signed-in administrator, never a field of the body.
 */
@RestController
@RequestMapping(path = "/admin/users", produces = "application/json")
@Tag(name = "Users", description = "Administrators create users, set their roles, organisations and passwords, disable "
        + "and enable them; every change is audited (who, when, what; never a password). The administrator admin and "
        + "the users of the configuration are not listed here, and no stored user may take their names. A change may "
        + "carry expectedVersion: a mismatch is a 409 and nothing is written.")
class UserAdminController {

    private final StoredUsers users;
    private final PublicLinks links;

    UserAdminController(StoredUsers users, PublicLinks links) {
        this.users = users;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "Every stored user, by name.")
    List<StoredUser> list() {
        return users.list();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "created; Location names it")
    @Operation(summary = "Create a user (201): name (lower-case, e.g. j.smith), password (12 characters to 72 bytes), "
            + "roles (at least one) and organisations. A name in use, stored or configured, is a 409.")
    ResponseEntity<StoredUser> create(@RequestBody UserRequests.CreateUserRequest body, Authentication admin) {
        valid(body.problems());
        StoredUser user = users.create(body.name(), body.password(), body.roles(), body.organisations(), admin.getName());
        return ResponseEntity.created(URI.create(links.base() + "/admin/users/" + user.name())).body(user);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One stored user (the name ignoring case).")
    StoredUser get(@PathVariable("name") String name) {
        return users.find(name).orElseThrow(() -> UserChangeRefused.notFound(StoredUsers.key(name)));
    }

    @PutMapping("/{name}/roles")
    @Operation(summary = "Replace the user's roles; the same roles again change nothing.")
    StoredUser setRoles(@PathVariable("name") String name, @RequestBody UserRequests.UserRolesRequest body, Authentication admin) {
        valid(body.problems());
        return users.setRoles(name, body.roles(), body.expectedVersion(), admin.getName());
    }

    @PutMapping("/{name}/organisations")
    @Operation(summary = "Replace the user's organisations; the same ones again change nothing.")
    StoredUser setOrganisations(@PathVariable("name") String name, @RequestBody UserRequests.UserOrganisationsRequest body,
                Authentication admin) {
        valid(body.problems());
        return users.setOrganisations(name, body.organisations(), body.expectedVersion(), admin.getName());
    }

    @PutMapping("/{name}/password")
    @Operation(summary = "Set the user's password: the old one stops working at once.")
    StoredUser setPassword(@PathVariable("name") String name, @RequestBody UserRequests.UserPasswordRequest body,
                Authentication admin) {
        valid(body.problems());
        return users.setPassword(name, body.password(), body.expectedVersion(), admin.getName());
    }

    @PostMapping("/{name}/disable")
    @Operation(summary = "Disable the user: their next request is refused (401), on every instance. The body is optional.")
    StoredUser disable(@PathVariable("name") String name,
                @RequestBody(required = false) UserRequests.UserVersionRequest body, Authentication admin) {
        return enabled(name, false, body, admin);
    }

    @PostMapping("/{name}/enable")
    @Operation(summary = "Enable the user again. The body is optional.")
    StoredUser enable(@PathVariable("name") String name,
                @RequestBody(required = false) UserRequests.UserVersionRequest body, Authentication admin) {
        return enabled(name, true, body, admin);
    }

    @GetMapping("/{name}/changes")
    @Operation(operationId = "userChanges", summary = "The user's changes, oldest first: version, who, when and what (never a password).")
    List<UserChange> changes(@PathVariable("name") String name) {
        return users.changes(name);
    }

    @ExceptionHandler(UserChangeRefused.class)
    ResponseEntity<ProblemDetail> refused(UserChangeRefused refused) {
        return Problems.respond(refused.problem());
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
        return Problems.respond(FieldProblem.invalidInput(invalid.problems));
    }

    private StoredUser enabled(String name, boolean enabled, UserRequests.UserVersionRequest body, Authentication admin) {
        UserRequests.UserVersionRequest expected = body == null ? new UserRequests.UserVersionRequest(null) : body;
        valid(expected.problems());
        return users.setEnabled(name, enabled, expected.expectedVersion(), admin.getName());
    }

    private static void valid(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** A body refused field by field: 400, nothing written. */
    private static final class InvalidInput extends RuntimeException {

        private final transient List<FieldProblem> problems;

        InvalidInput(List<FieldProblem> problems) {
            super("invalid input", null, false, false);
            this.problems = problems;
        }
    }
}
