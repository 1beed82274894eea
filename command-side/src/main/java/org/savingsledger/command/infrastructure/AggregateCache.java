package org.savingsledger.command.infrastructure;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.concurrent.ConcurrentMap;

/**
 * Aggregates kept in memory between commands, so that a command to a saving or programme loaded before
 * neither reads its snapshot and events nor replays them. Axon's caching repository uses it: it puts an
 * aggregate here as its command commits and removes it when the command's unit of work rolls back
 * (a refused or failed command, a lost race), so a change that was not stored never stays here.
 *
 * <p>The event store is the truth, and other command-side instances append to it too. So an entry is used
 * only while it is the aggregate's latest state as the command found the store: the statement that reads the
 * command's directory entries as it is sent also reads the store's last sequence number of its aggregate
 * ({@link CommandLookup}, one index-only subquery, no round trip of its own), and an entry at that number is
 * used. An entry at any other number is checked again inside the command's transaction, where the store's
 * last sequence number is read (one index-only query) and an entry of another version is dropped, the
 * aggregate then loading from its snapshot and events as without the cache (a command without the number, or
 * an entry that another command of this instance moved on since the lookup, takes this path). A command is
 * therefore decided on the store's latest state as of a moment after it was sent. An append by another
 * instance after that moment still makes this one's append fail on the unique (aggregate, sequence number),
 * which rolls back, removes the entry and, for a command without {@code expectedVersion}, is retried on the
 * fresh state ({@link ConflictRetries}): nothing decided on an older state is ever stored. Rebuilding read
 * models reads the event store and writes nothing to it, so it leaves every entry as valid as it was.
 *
 * <p>Bounded: at most {@code maximumSize} aggregates of one kind, the least recently used dropped first.
 */
final class AggregateCache implements Cache {

    private final EventStorageEngine events;
    private final ConcurrentMap<Object, Object> entries;

    AggregateCache(EventStorageEngine events, long maximumSize) {
        this.events = events;
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build().asMap();
    }

    /**
     * The entry, if the aggregate it holds is at the version the store last recorded: as the command's directory
     * lookup read it or, failing that, as the command's transaction reads it now. The version is the held
     * aggregate's own, read now, so an aggregate that a failed command changed in place can never pass for
     * the stored one.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value == null) {
            return null;
        }
        Long held = versionOf(value);
        if (held != null && held.equals(sentWith(key))) {
            return (V) value;
        }
        if (held == null || !held.equals(events.lastSequenceNumberFor(key.toString()).orElse(null))) {
            entries.remove(key, value);
            return null;
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (versionOf(value) == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return versionOf(value) != null && entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing listens: the repository is the only user. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    /**
     * The store's last sequence number of {@code key} as the directory read of the command being handled found it
     * ({@link CommandLookup}), if it read one for that aggregate.
     */
    private static Long sentWith(Object key) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?> command)
                || !(command.getMetaData().get(SentWith.METADATA_KEY) instanceof SentWith sent)
                || !sent.aggregateId().equals(key.toString())) {
            return null;
        }
        return sent.lastSequenceNumber();
    }

    /**
     * Command metadata: the event store's last sequence number of the command's aggregate, read with the command's
     * directory lookup as it was sent ({@link CommandLookup}).
     */
    record SentWith(String aggregateId, long lastSequenceNumber) implements java.io.Serializable {

        static final String METADATA_KEY = "ledgerLastSequenceNumber";
    }

    int size() {
        return entries.size();
    }

    /**
     * The version an entry holds. An entry made in this process keeps the aggregate itself, which
     * {@code recreateAggregate} then answers without using its arguments; anything else is not kept.
     */
    private static Long versionOf(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return null;
        }
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            return aggregate == null ? null : aggregate.version();
        } catch (RuntimeException notHeldInMemory) {
            return null;
        }
    }
}
