package org.savingsledger.web.security;

import org.savingsledger.web.users.StoredUsers;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may sign in with a password: the administrator and the configured users first (a stored user
 * cannot shadow them), then the users administrators keep in the database, read at every sign-in.
 */
final class LedgerUsers implements UserDetailsService {

    private final UserDetailsService configured;
    private final StoredUsers stored;

    LedgerUsers(UserDetailsService configured, StoredUsers stored) {
        this.configured = configured;
        this.stored = stored;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        try {
            return configured.loadUserByUsername(name);
        } catch (UsernameNotFoundException notConfigured) {
            return stored.signIn(name).orElseThrow(() -> notConfigured);
        }
    }
}
