package org.savingsledger.web.users;

import java.time.Instant;

/** One change of a stored user: the version it made, who made it, when, and what ("password set", never the password). */
public record UserChange(long version, String changedBy, Instant changedAt, String change) {
}
