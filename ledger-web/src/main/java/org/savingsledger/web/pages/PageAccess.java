package org.savingsledger.web.pages;

import org.savingsledger.web.access.Organisations;
import org.savingsledger.web.access.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

/**
 * Which forms the signed-in user may open, for pages to show only the links they may follow
 * ({@code ${@pageAccess.canEdit(organisation)}}): the roles the API's commands need, in the organisation named.
 * The forms check again when opened and sent; this only spares a viewer links that would be refused.
 */
public class PageAccess {

    private final RoleHierarchy roles;

    PageAccess(RoleHierarchy roles) {
        this.roles = roles;
    }

    /** Savings commands: propose, record a delivery, slip, bring forward, stage, confidence, RAG; imports. */
    public boolean canEdit(String organisation) {
        return may(Role.EDITOR, organisation);
    }

    /** Delivery corrections, like the API's programme and correction commands. */
    public boolean canCorrect(String organisation) {
        return may(Role.FINANCE, organisation);
    }

    /** Presenting position reports to a committee. */
    public boolean canPresent(String organisation) {
        return may(Role.COMMITTEE_CLERK, organisation);
    }

    private boolean may(Role role, String organisation) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || organisation == null) {
            return false;
        }
        List<String> granted = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        boolean hasRole = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role.name()));
        return hasRole && Organisations.allows(granted, organisation);
    }
}
