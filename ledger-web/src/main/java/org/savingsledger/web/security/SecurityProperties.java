package org.savingsledger.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/** {@code ledger.security}: local users and the claims that carry roles and organisations in tokens. */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(Map<String, LocalUser> users, String rolesClaim, String organisationsClaim,
                                 String nameClaim) {

    public SecurityProperties {
        users = users == null ? Map.of() : users;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        organisationsClaim = organisationsClaim == null ? "organisations" : organisationsClaim;
        nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
    }

    /** A configured user: password hash ({@code {bcrypt}…}), roles, organisations. */
    public record LocalUser(String password, List<String> roles, List<String> organisations) {
    }
}
