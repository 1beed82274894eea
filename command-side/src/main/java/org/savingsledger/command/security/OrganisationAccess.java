package org.savingsledger.command.security;

import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.web.access.Organisations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A signed-in user changes only their organisations' programmes, savings and committees: a command
 * to another organisation's id is refused as if the id did not exist (404, so ids do not leak), and
 * creating something in another organisation is forbidden (403). Checked as the command is sent, in
 * the sender's thread, on the directory read the command is sent with (see
 * {@code infrastructure.CommandLookup}), which also puts the sender's organisations on it
 * ({@link SenderScope}) so that an id of another organisation named in its body is answered as unknown
 * by the aggregate's rules too. Commands sent by the application itself (the demo data) carry no user and
 * are not checked: every HTTP request is signed in (see {@link CommandSecurity}).
 */
@Component
public class OrganisationAccess {

    /** Refuses {@code target} unless a user holding {@code authorities} may send it. */
    public void check(List<String> authorities, CommandTarget target, NamedIds known) {
        if (target.organisation() != null) {
            requireOrganisation(authorities, target.organisation());
        } else if (target.accessId() != null) {
            Optional<String> organisation = known.organisationOf(target.accessId());
            if (organisation.isPresent() && !Organisations.allows(authorities, organisation.get())) {
                throw new UnknownIdentifier(target.accessKind(), target.accessId());
            }
        }
    }

    private static void requireOrganisation(List<String> authorities, String organisation) {
        if (!Organisations.allows(authorities, organisation)) {
            throw new ForbiddenOrganisation(organisation);
        }
    }

    /** Creating something in an organisation the user does not belong to. */
    public static class ForbiddenOrganisation extends RuntimeException {

        ForbiddenOrganisation(String organisation) {
            super("you may not act for organisation '" + organisation + "'");
        }
    }
}
