package org.savingsledger.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.infrastructure.CommandsBusy;
import org.savingsledger.command.infrastructure.CommitOutcomeUnknown;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.time.Duration;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A command that failed while its transaction was committing may have been recorded: it is never
 * answered "nothing was written", whatever the failure underneath says. A command that never got to
 * start is.
 */
class CommandOutcomeWebTest extends CommandWebTest {

    private static final String SLIP = "/api/savings/col-b/slips";
    private static final String BODY = "{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 1, \"reason\": \"r\"}";

    @Test
    void aConnectionLostWhileCommittingIsAnUnknownOutcomeNotServiceUnavailable() throws Exception {
        // on its own this cause reads "the database cannot be reached" (503 service-unavailable, nothing written)
        commandBusThrows(new CommitOutcomeUnknown(new DataAccessResourceFailureException("I/O error while committing",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        postJson(SLIP, BODY)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:outcome-unknown"))
                .andExpect(jsonPath("$.detail", allOf(containsString("may or may not have been recorded"),
                        containsString("same Idempotency-Key"), containsString("read the resource"),
                        not(containsString("nothing was written")))));
    }

    @Test
    void aCommitSpringCouldNotCompleteIsAnUnknownOutcome() throws Exception {
        commandBusThrows(new CommandExecutionException("failed", new TransactionSystemException("Could not commit JDBC transaction")));
        postJson(SLIP, BODY)
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:outcome-unknown"));
    }

    @Test
    void aCommandThatGotNoTurnWroteNothingAndMayBeRetriedAtOnce() throws Exception {
        commandBusThrows(new CommandsBusy(5, Duration.ofSeconds(10)));
        postJson(SLIP, BODY)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:service-unavailable"))
                .andExpect(jsonPath("$.detail", containsString("nothing was written")));
    }
}
