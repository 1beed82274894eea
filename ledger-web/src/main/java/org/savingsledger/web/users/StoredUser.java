package org.savingsledger.web.users;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.web.access.Role;

import java.time.Instant;
import java.util.List;

/**
 * A user kept in the database, as an administrator sees it: never its password, not even hashed.
 * {@code version} counts its changes (1 when created), for {@code expectedVersion}.
 */
public record StoredUser(String name, @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles, List<String> organisations, boolean enabled, long version,
                         Instant createdAt, Instant changedAt) {
}
