package org.savingsledger.command.web;

import org.savingsledger.command.infrastructure.ConsistencyTokens;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.web.PublicLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the controllers share around {@code sendAndWait}: reading ids from the path and the body,
 * and turning "aggregate X is now at version N" into the response. Commands themselves are sent
 * by the controllers.
 */
@Component
class CommandResponses {

    /** Axon numbers an aggregate's events from 0, so a create leaves it at version 0. */
    static final long FIRST_VERSION = 0L;

    private final ConsistencyTokens consistencyTokens;
    private final PublicLinks links;

    CommandResponses(ConsistencyTokens consistencyTokens, PublicLinks links) {
        this.consistencyTokens = consistencyTokens;
        this.links = links;
    }

    /** An id in a path that cannot be an id names nothing: 404, like an unknown one. */
    static <T> T pathId(String value, LedgerKind kind, Function<String, T> type) {
        if (!LedgerIds.isValid(value)) {
            throw new UnknownIdentifier(kind, value);
        }
        return type.apply(value);
    }

    /** The client's id for a new thing (400 if malformed), or a new one when it sent none. */
    static <T> T newId(String value, Function<String, T> type, Supplier<T> generate) {
        if (value == null) {
            return generate.get();
        }
        if (!LedgerIds.isValid(value)) {
            throw new InvalidCommand("id", "must match " + LedgerIds.PATTERN.pattern()
                    + " (lower-case letters, digits and hyphens, at most 63 characters)");
        }
        return type.apply(value);
    }

    /** 201 with the new thing's location; {@code aggregateId} and {@code version} name the event that created it. */
    ResponseEntity<CommandResult> created(String path, String id, String aggregateId, long version) {
        URI location = URI.create(links.base() + path);
        return ResponseEntity.created(location).body(result(id, aggregateId, version));
    }

    /** 200 for a command to an existing aggregate; its handler answers with the aggregate's new version. */
    ResponseEntity<CommandResult> changed(String aggregateId, Object version) {
        return ResponseEntity.ok(result(aggregateId, aggregateId, versionOf(version)));
    }

    long versionOf(Object handlerResult) {
        if (handlerResult instanceof Number number) {
            return number.longValue();
        }
        // Every instance command handler returns the version; anything else is a programming error (500).
        throw new IllegalStateException("command handler returned " + handlerResult + " instead of the aggregate version");
    }

    private CommandResult result(String id, String aggregateId, long version) {
        return new CommandResult(id, version, consistencyTokens.tokenFor(aggregateId, version));
    }
}
