package org.savingsledger.command.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.DirectoryLookup;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.command.security.OrganisationAccess;
import org.savingsledger.web.access.OrganisationScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the ledger directory once for each command, as it is sent: every id the command names
 * ({@link LedgerCommand#target()}) in one statement. The read goes with the command as metadata
 * ({@link DirectoryLookup}) to the checks after it — the organisation check here, in the sender's thread
 * where the user is known ({@link OrganisationAccess}), the target check before the aggregate loads
 * ({@link CommandTargetCheck}) and the aggregate's own rules ({@link CurrentCommandIds}).
 *
 * <p>The read runs before the command's transaction (it sees committed rows only). An entry of a committee or
 * a report never changes once recorded, so it is remembered and a command whose ids are all such reads
 * nothing; an id not found is asked again next time (it may have been created since). A programme's or a
 * saving's entry carries the programme's period, which a change of period rewrites in the directory (on
 * whichever instance ran it), so it is read again for every command.
 * A command sent again after losing a race keeps the read of its first dispatch, which found everything
 * it names (it would have been refused otherwise).
 *
 * <p>Read from the ledger's own directory ({@link JdbcLedgerDirectory}), the same statement reads the event store's
 * last sequence number of the command's target, which the aggregate cache checks a cached copy against
 * ({@link AggregateCache}) instead of asking the store again in the command's transaction.
 *
 * <p>Registered on the command bus by hand and not itself a {@code MessageDispatchInterceptor} bean:
 * Axon's auto-configuration also puts every such bean on the command gateway, and it then ran twice.
 */
@Component
public class CommandLookup {

    private final LedgerDirectory directory;
    private final OrganisationAccess access;
    private final Cache<String, DirectoryEntry> entries = Caffeine.newBuilder().maximumSize(100_000).build();

    public CommandLookup(LedgerDirectory directory, OrganisationAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @Autowired
    public void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(messages -> (index, message) -> lookedUp(message));
    }

    /**
     * The command with its directory read and, from a signed-in user, checked and carrying the user's
     * organisations ({@link SenderScope}). Without a user it is the application's own command.
     */
    private CommandMessage<?> lookedUp(CommandMessage<?> message) {
        if (!(message.getPayload() instanceof LedgerCommand command) || DirectoryLookup.of(message.getMetaData()).isPresent()) {
            return message;
        }
        CommandTarget target = command.target();
        Map<String, Object> metaData = new HashMap<>();
        DirectoryLookup lookup = lookUp(target.ids(), target.creates() ? null : target.id(), metaData);
        metaData.put(DirectoryLookup.METADATA_KEY, lookup);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated()) {
            List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            access.check(authorities, target, lookup);
            metaData.put(SenderScope.METADATA_KEY, OrganisationScope.granted(authorities));
        }
        return message.andMetaData(metaData);
    }

    /**
     * The directory's entries of {@code ids}. Read from the ledger's own directory, the statement also reads the
     * last sequence number of {@code aggregate} (the command's target, if it exists already), which then goes
     * with the command for the aggregate cache ({@link AggregateCache.SentWith}).
     */
    private DirectoryLookup lookUp(Set<String> ids, String aggregate, Map<String, Object> metaData) {
        Map<String, DirectoryEntry> found = new HashMap<>(entries.getAllPresent(ids));
        List<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            Map<String, DirectoryEntry> read;
            if (directory instanceof JdbcLedgerDirectory ledger) {
                JdbcLedgerDirectory.DirectoryRead withSequence = ledger.read(unknown,
                        aggregate != null && unknown.contains(aggregate) ? aggregate : null);
                read = withSequence.entries();
                if (withSequence.lastSequenceNumber() != null) {
                    metaData.put(AggregateCache.SentWith.METADATA_KEY,
                            new AggregateCache.SentWith(aggregate, withSequence.lastSequenceNumber()));
                }
            } else {
                read = directory.entries(unknown);
            }
            read.forEach((id, entry) -> {
                if (entry.programme() == null) {
                    entries.put(id, entry);
                }
            });
            found.putAll(read);
        }
        return new DirectoryLookup(ids, found);
    }
}
