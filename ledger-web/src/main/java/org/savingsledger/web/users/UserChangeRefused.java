package org.savingsledger.web.users;

import org.savingsledger.web.problem.ProblemType;
import org.springframework.http.ProblemDetail;

/** A change of the stored users refused for the state it found; nothing was written. */
public final class UserChangeRefused extends RuntimeException {

    private final transient ProblemType type;

    private UserChangeRefused(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public static UserChangeRefused notFound(String name) {
        return new UserChangeRefused(ProblemType.NOT_FOUND, "no stored user named '" + name + "'");
    }

    static UserChangeRefused nameInUse(String name) {
        return new UserChangeRefused(ProblemType.CONFLICT, "the user name '" + name + "' is already in use");
    }

    static UserChangeRefused versionConflict(long expected, long actual) {
        return new UserChangeRefused(ProblemType.VERSION_CONFLICT,
                "expected version " + expected + " but it is at version " + actual + "; read it again and retry");
    }

    /** The answer: 404 {@code not-found}, 409 {@code conflict} or 409 {@code version-conflict}. */
    public ProblemDetail problem() {
        return type.problem(getMessage());
    }
}
