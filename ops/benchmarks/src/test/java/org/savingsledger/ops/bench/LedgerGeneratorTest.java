package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark ledger: deterministic from its seed, sized as announced, and accepted by the ledger command by command. */
@BenchmarkLedgerTest
class LedgerGeneratorTest {

    private static final LedgerGenerator.Shape TINY = new LedgerGenerator.Shape(2, 2, 3, 3, 20, 4);

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedAnother() {
        assertThat(commands(7)).isEqualTo(commands(7)).isNotEqualTo(commands(8));
        assertThat(commands(7)).hasSize((int) TINY.events());
        // 300 organisations registered, 1,500 programmes launched, 60,000 savings proposed with 20 changes each,
        // 300 committees established overseeing 1,500 programmes, 3,600 reports
        assertThat(new LedgerGenerator.Shape(300, 5, 40, 6, 20, 12).events()).isEqualTo(1_267_200L);
    }

    @Test
    void everyGeneratedCommandIsAcceptedAndWritesOneEvent() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        List<Object> commands = commands(20261122);
        commands.forEach(commandGateway::sendAndWait);
        long after = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(after - before).isEqualTo(TINY.events());
    }

    @Test
    void theEventsItLoadsDirectlyAreThoseTheCommandSideStoresForItsCommands() throws Exception {
        long seed = 20261202;
        new LedgerGenerator(TINY, seed).generate(commandGateway::sendAndWait);
        List<LedgerGenerator.SeedEvent> seeded = new ArrayList<>();
        new LedgerGenerator(TINY, seed).events(seeded::add);
        assertThat(seeded).hasSize((int) TINY.events());
        for (LedgerGenerator.SeedEvent event : seeded) {
            Map<String, Object> stored = jdbc.queryForMap("select type, payload_type, payload from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number = ?", event.aggregateId(), event.sequence());
            assertThat(stored.get("type")).isEqualTo(event.aggregateType());
            assertThat(stored.get("payload_type")).isEqualTo(event.payload().getClass().getName());
            assertThat(json.readTree((byte[]) stored.get("payload")))
                    .as("%s %s", event.aggregateId(), event.sequence())
                    .isEqualTo(json.readTree(eventSerializer.serialize(event.payload(), byte[].class).getData()));
        }
    }

    private static List<Object> commands(long seed) {
        List<Object> commands = new ArrayList<>();
        new LedgerGenerator(TINY, seed).generate(commands::add);
        return commands;
    }
}
