package org.savingsledger.command.infrastructure;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches of the aggregates with long histories, savings and programmes ({@link AggregateCache}), named by
 * their {@code @Aggregate} annotations. {@code ledger.aggregate-cache.size} aggregates of each kind at most;
 * 0 turns caching off (every command loads its aggregate from the store).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    @Bean
    static Cache savingCache(EventStorageEngine events, @Value("${ledger.aggregate-cache.size:10000}") long size) {
        return cache(events, size);
    }

    @Bean
    static Cache programmeCache(EventStorageEngine events, @Value("${ledger.aggregate-cache.size:10000}") long size) {
        return cache(events, size);
    }

    private static Cache cache(EventStorageEngine events, long size) {
        return size > 0 ? new AggregateCache(events, size) : NoCache.INSTANCE;
    }
}
