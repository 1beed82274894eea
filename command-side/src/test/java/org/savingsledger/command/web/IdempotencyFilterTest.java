package org.savingsledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency filter when its own store fails: a key it cannot claim or read runs nothing and is
 * a 503 problem; after the command, the key is released only when the answer says nothing was
 * written, and an answer that could not be kept still reaches the client.
 */
class IdempotencyFilterTest {

    private static final String SERVICE_UNAVAILABLE = """
            {"type": "urn:savings-ledger:problem:service-unavailable", "status": 503}""";
    private static final String OUTCOME_UNKNOWN = """
            {"type": "urn:savings-ledger:problem:outcome-unknown", "status": 503}""";

    private final Store store = new Store();
    private final IdempotencyFilter filter = new IdempotencyFilter(store, new ObjectMapper(), Duration.ofHours(24));
    private final AtomicInteger commandsRun = new AtomicInteger();

    @Test
    void aKeyThatCannotBeClaimedRunsNothingAndIsA503Problem() throws Exception {
        store.failOn("insert");

        MockHttpServletResponse response = send(answering(200, "{\"version\": 3}"));

        assertThat(commandsRun).hasValue(0);
        assertServiceUnavailable(response);
    }

    @Test
    void aKeyInUseThatCannotBeReadRunsNothingAndIsA503Problem() throws Exception {
        store.duplicateOnInsert = true;
        store.failOn("select");

        MockHttpServletResponse response = send(answering(200, "{\"version\": 3}"));

        assertThat(commandsRun).hasValue(0);
        assertServiceUnavailable(response);
    }

    @Test
    void anAnswerThatCannotBeKeptStillReachesTheClientAndTheKeyIsNotReleased() throws Exception {
        store.failOn("update");

        MockHttpServletResponse response = send(answering(200, "{\"version\": 3}"));

        assertThat(commandsRun).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"version\": 3}");
        assertThat(store.statements).as("released, a retry would run the command a second time")
                .noneMatch(statement -> statement.startsWith("delete"));
    }

    @Test
    void onlyAnAnswerThatNothingWasWrittenReleasesTheKey() throws Exception {
        send(answering(503, SERVICE_UNAVAILABLE));
        assertThat(store.statements).last().asString().startsWith("delete");

        store.statements.clear();
        MockHttpServletResponse unknown = send(answering(503, OUTCOME_UNKNOWN));
        assertThat(unknown.getStatus()).isEqualTo(503);
        assertThat(store.statements).last().asString().startsWith("update");
        assertThat(store.kept).containsEntry("status", 503);

        store.statements.clear();
        send(answering(500, "{\"type\": \"urn:savings-ledger:problem:internal-server-error\"}"));
        assertThat(store.statements).last().asString().startsWith("update");
    }

    private FilterChain answering(int status, String body) {
        return (request, response) -> {
            commandsRun.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(status);
            response.setContentType("application/json");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    }

    private MockHttpServletResponse send(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/savings/col-b/slips");
        request.addHeader(IdempotencyFilter.HEADER, "key-1");
        request.setContent("{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 1, \"reason\": \"r\"}"
                .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static void assertServiceUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentAsString()).contains("urn:savings-ledger:problem:service-unavailable",
                "nothing was written");
    }

    /** The key table: writes down each statement, and fails the kind it is told to. */
    private static final class Store extends JdbcTemplate {

        final List<String> statements = new ArrayList<>();
        final Map<String, Object> kept = new HashMap<>();
        boolean duplicateOnInsert;
        private String failing;

        void failOn(String statement) {
            failing = statement;
        }

        @Override
        public int update(String sql, Object... args) throws DataAccessException {
            statements.add(sql);
            if (failing != null && sql.startsWith(failing)) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 30000ms");
            }
            if (sql.startsWith("insert") && duplicateOnInsert) {
                throw new DuplicateKeyException("idempotency_key_pkey");
            }
            if (sql.startsWith("update")) {
                kept.put("status", args[0]);
            }
            return 1;
        }

        @Override
        public List<Map<String, Object>> queryForList(String sql, Object... args) throws DataAccessException {
            statements.add(sql);
            if (failing != null && sql.startsWith(failing)) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 30000ms");
            }
            return List.of();
        }
    }
}
