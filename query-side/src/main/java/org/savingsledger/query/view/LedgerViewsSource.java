package org.savingsledger.query.view;

import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.shared.access.Organisations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Hands out views pinned to the read models' current generations: take one per request. */
@Component
public class LedgerViewsSource {

    private final ReadModelGenerations generations;

    public LedgerViewsSource(ReadModelGenerations generations) {
        this.generations = generations;
    }

    /**
     * Views over the generations queries read now, unchanged for the life of the returned object,
     * showing only the organisations of the signed-in user (all when nobody is signed in: the
     * application's own reads; every HTTP request but health is signed in).
     */
    public LedgerViews current() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        Set<String> organisations = user == null || !user.isAuthenticated() ? null
                : Organisations.granted(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return new LedgerViews(generations.reading(), organisations);
    }
}
