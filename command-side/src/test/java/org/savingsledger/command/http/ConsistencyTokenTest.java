package org.savingsledger.command.http;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency token comes from the command's own transaction: once the command has committed,
 * answering it needs no database connection, so a pool drained at that moment (as sixteen clients on
 * one saving drained it) cannot turn a recorded command into an error.
 */
@LedgerHttpTest
class ConsistencyTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CommandBus commandBus;

    @Test
    void aCommandIsAnsweredWithTheGlobalIndexOfItsEventWithoutAConnectionAfterItsCommit() throws Exception {
        ApiClient api = new ApiClient(port).withOrganisation("nottinghamshire");
        String programme = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Tokens", "savingsTarget": 1000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(programme)).status()).isEqualTo(201);
        ApiClient.Reply proposed = api.post("/api/programmes/" + programme + "/savings", """
                {"title": "Tokens", "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "profile": {"2018/19": 100}}""");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String saving = proposed.id();
        assertThat(proposed.json().path("consistencyToken").asText()).isEqualTo(Long.toString(globalIndexOf(saving, 0)));

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new CopyOnWriteArrayList<>();
        // as the slip commits, every connection of the pool is taken (and given back once it is answered)
        Registration drain = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof SlipSavingToYear slip && slip.savingId().value().equals(saving)) {
                unitOfWork.afterCommit(u -> takeEveryConnection(pool, held));
            }
            return chain.proceed();
        });
        ApiClient.Reply slipped;
        try {
            slipped = api.post("/api/savings/" + saving + "/slips",
                    "{\"fromYear\": \"2018/19\", \"toYear\": \"2019/20\", \"amount\": 1, \"reason\": \"no connection left\"}");
        } finally {
            drain.cancel();
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(held).as("the pool was drained as the command committed").hasSize(pool.getMaximumPoolSize());
        assertThat(slipped.status()).as(slipped.toString()).isEqualTo(200);
        assertThat(slipped.version()).isEqualTo(1);
        assertThat(slipped.json().path("consistencyToken").asText()).isEqualTo(Long.toString(globalIndexOf(saving, 1)));
    }

    private static void takeEveryConnection(HikariDataSource pool, List<Connection> held) {
        while (held.size() < pool.getMaximumPoolSize()) {
            try {
                held.add(pool.getConnection());
            } catch (SQLException e) {
                return;
            }
        }
    }

    private long globalIndexOf(String aggregateId, long sequenceNumber) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", Long.class, aggregateId, sequenceNumber);
    }
}
