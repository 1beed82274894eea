package org.savingsledger.command.infrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the global index of an aggregate's event: one lookup on the unique (aggregate, sequence) index. */
@Component
class JdbcConsistencyTokens implements ConsistencyTokens {

    private final JdbcTemplate jdbc;

    JdbcConsistencyTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String tokenFor(String aggregateId, long version) {
        Long globalIndex = jdbc.query(
                "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                rs -> rs.next() ? rs.getLong(1) : null, aggregateId, version);
        if (globalIndex == null) {
            throw new IllegalStateException("no event " + version + " for aggregate " + aggregateId);
        }
        return Long.toString(globalIndex);
    }
}
