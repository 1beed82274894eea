package org.savingsledger.command.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.savingsledger.command.committee.CommitteeCommand;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.programme.ProgrammeCommand;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.SavingCommand;
import org.savingsledger.web.access.OrganisationScope;
import org.savingsledger.web.access.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in user changes only their organisations' programmes, savings and committees: a command
 * to another organisation's id is refused as if the id did not exist (404, so ids do not leak), and
 * creating something in another organisation is forbidden (403). Checked as the command is sent,
 * in the sender's thread. Commands sent by the application itself (the demo data) carry no user and
 * are not checked: every HTTP request is signed in (see {@link CommandSecurity}). A checked command
 * carries the sender's organisations ({@link SenderScope}), so that an id of another organisation named
 * in its body is answered as unknown by the aggregate's rules too.
 *
 * <p>Registered on the command bus by hand and not itself a {@code MessageDispatchInterceptor} bean:
 * Axon's auto-configuration also puts every such bean on the command gateway, and the check then ran
 * twice per command. An id's organisation never changes once recorded and the check runs before the
 * command's transaction (it sees committed rows only), so organisations found are remembered.
 */
@Component
public class OrganisationAccess {

    private final LedgerDirectory directory;
    private final Cache<String, String> organisations = Caffeine.newBuilder().maximumSize(100_000).build();

    public OrganisationAccess(LedgerDirectory directory) {
        this.directory = directory;
    }

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, message) -> checked(message));
    }

    /**
     * The command, checked, carrying the sender's organisations for the rules that look at other
     * aggregates ({@link SenderScope}). Without a user it is the application's own command, or a retry
     * of a lost race dispatched again on the retry thread: that keeps the metadata of its first dispatch.
     */
    private CommandMessage<?> checked(CommandMessage<?> message) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return message;
        }
        List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        check(authorities, message.getPayload());
        return message.andMetaData(Map.of(SenderScope.METADATA_KEY, OrganisationScope.granted(authorities)));
    }

    private void check(List<String> authorities, Object command) {
        if (command instanceof LaunchProgramme c) {
            requireOrganisation(authorities, c.organisation());
        } else if (command instanceof EstablishCommittee c) {
            requireOrganisation(authorities, c.organisation());
        } else if (command instanceof ProposeSaving c) {
            requireVisible(authorities, LedgerKind.PROGRAMME, c.programmeId().value());
        } else if (command instanceof ProgrammeCommand c) {
            requireVisible(authorities, LedgerKind.PROGRAMME, c.programmeId().value());
        } else if (command instanceof SavingCommand c) {
            requireVisible(authorities, LedgerKind.SAVING, c.savingId().value());
        } else if (command instanceof CommitteeCommand c) {
            requireVisible(authorities, LedgerKind.COMMITTEE, c.committeeId().value());
        }
    }

    private void requireVisible(List<String> authorities, LedgerKind kind, String id) {
        Optional<String> organisation = Optional.ofNullable(organisations.getIfPresent(id));
        if (organisation.isEmpty()) {
            // an id not (yet) in the directory is not remembered: it may be created later
            organisation = directory.organisationOf(id);
            organisation.ifPresent(found -> organisations.put(id, found));
        }
        if (organisation.isPresent() && !Organisations.allows(authorities, organisation.get())) {
            throw new UnknownIdentifier(kind, id);
        }
    }

    private static void requireOrganisation(List<String> authorities, String organisation) {
        if (organisation != null && !Organisations.allows(authorities, organisation)) {
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
