package org.savingsledger.query.view;

import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.web.access.OrganisationScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Hands out views pinned to the read models' current generations: take one per request. */
@Component
public class LedgerViewsSource {

    private final ReadModelGenerations generations;

    public LedgerViewsSource(ReadModelGenerations generations) {
        this.generations = generations;
    }

    /**
     * Views over the generations queries read now, unchanged for the life of the returned object,
     * showing only the organisations the signed-in user is granted: every organisation only for the
     * administrator, nothing for a user granted none or when nobody is signed in (every HTTP request
     * but health is signed in, and the application makes no reads of its own through here).
     */
    public LedgerViews current() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        OrganisationScope organisations = user == null || !user.isAuthenticated() ? OrganisationScope.none()
                : OrganisationScope.granted(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return new LedgerViews(generations.reading(), organisations);
    }
}
