package org.savingsledger.command.security;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.infrastructure.CommandLookup;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.web.access.OrganisationScope;
import org.savingsledger.web.access.Organisations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organisation check: a user's command to another organisation's saving is refused as unknown,
 * the organisation an id belongs to is asked of the directory once and remembered (it never
 * changes), and an id not yet in the directory is asked again next time.
 */
class OrganisationAccessTest {

    private final Map<String, String> organisations = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<Object> handled = new ArrayList<>();
    private final List<OrganisationScope> senders = new ArrayList<>();
    private final CommandBus bus = SimpleCommandBus.builder().build();

    @BeforeEach
    void signIn() {
        LedgerDirectory directory = ids -> {
            asked.addAll(ids);
            Map<String, DirectoryEntry> found = new HashMap<>();
            ids.stream().filter(organisations::containsKey).forEach(id ->
                    found.put(id, new DirectoryEntry(id, LedgerKind.SAVING, organisations.get(id), null)));
            return found;
        };
        new CommandLookup(directory, new OrganisationAccess()).register(bus);
        bus.subscribe(ChangeSavingRag.class.getName(), message -> {
            senders.add(SenderScope.of(message.getMetaData()));
            return handled.add(message.getPayload());
        });
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor",
                null, List.of(new SimpleGrantedAuthority(Organisations.authority("nottinghamshire")))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganisationFoundIsRemembered() throws Exception {
        organisations.put("own", "nottinghamshire");
        send("own");
        send("own");
        assertThat(handled).hasSize(2);
        assertThat(asked).containsExactly("own");
    }

    /** So that the aggregates' rules, too, answer for another organisation's ids as for unknown ones. */
    @Test
    void aCheckedCommandCarriesTheSendersOrganisations() throws Exception {
        organisations.put("own", "nottinghamshire");
        send("own");
        assertThat(senders).containsExactly(OrganisationScope.of(Set.of("nottinghamshire")));
    }

    @Test
    void anotherOrganisationsSavingIsUnknownEveryTime() {
        organisations.put("theirs", "leicestershire");
        assertThatThrownBy(() -> send("theirs")).isInstanceOf(UnknownIdentifier.class);
        assertThatThrownBy(() -> send("theirs")).isInstanceOf(UnknownIdentifier.class);
        assertThat(handled).isEmpty();
        assertThat(asked).containsExactly("theirs");
    }

    @Test
    void anIdNotYetInTheDirectoryIsAskedAgain() throws Exception {
        send("later");
        organisations.put("later", "leicestershire");
        assertThatThrownBy(() -> send("later")).isInstanceOf(UnknownIdentifier.class);
        assertThat(asked).containsExactly("later", "later");
    }

    private void send(String saving) throws Exception {
        CommandMessage<ChangeSavingRag> command = GenericCommandMessage.asCommandMessage(new ChangeSavingRag(
                SavingId.of(saving), Rag.GREEN, new Provenance("editor", "weekly review", LocalDate.of(2024, 6, 1), null), null));
        FutureCallback<ChangeSavingRag, Object> result = new FutureCallback<>();
        bus.dispatch(command, result);
        result.getResult();
    }
}
