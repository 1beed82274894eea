package org.savingsledger.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.savingsledger.command.infrastructure.ConsistencyTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The web layer alone: the controllers, their error mapping and the HTTP JSON settings, with the
 * command bus and the event store mocked. Every test class extends this, so they share one context.
 */
@WebMvcTest(properties = {"ledger.admin.password=web-test", "ledger.public-base-url=" + CommandWebTest.PUBLIC_BASE_URL})
@org.springframework.security.test.context.support.WithMockUser(username = "web-test-user", authorities = {"ROLE_ADMIN", "ORG_*"})
@Import({org.savingsledger.command.security.CommandSecurity.class, ProgrammeController.class, SavingController.class, CommitteeController.class, ApiExceptionHandler.class,
        RequestProvenance.class, CommandResponses.class, WebConfig.class, CommandWebTest.FixedClock.class,
        PageCommands.class})
abstract class CommandWebTest {

    /** 23:30 UTC on 31 March 2018 is already 1 April in London (BST): the default effective date must say so. */
    static final Instant NOW = Instant.parse("2018-03-31T23:30:00Z");

    /** Where the links point (a create's Location), as a deployment behind its TLS proxy configures it. */
    static final String PUBLIC_BASE_URL = "https://ledger.example.gov.uk";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commandGateway;

    @MockitoBean
    ConsistencyTokens consistencyTokens;

    /** The spreadsheet import behind {@link ImportController}, tested end to end in ops (TrackerImportTest). */
    @MockitoBean
    org.savingsledger.command.imports.TrackerImports trackerImports;

    @MockitoBean
    org.savingsledger.command.rules.LedgerDirectory ledgerDirectory;

    /** The idempotency filter's store; these tests send no Idempotency-Key. */
    @MockitoBean
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void tokensNameTheEvent() {
        given(consistencyTokens.tokenFor(anyString(), anyLong()))
                .willAnswer(call -> call.getArgument(0) + "@" + call.getArgument(1));
    }

    /** The command bus answers the next command with {@code result} (a version, or a creation's id). */
    void commandBusAnswers(Object result) {
        given(commandGateway.sendAndWait(any())).willReturn(result);
    }

    void commandBusThrows(RuntimeException exception) {
        given(commandGateway.sendAndWait(any())).willThrow(exception);
    }

    <T> T sentCommand(Class<T> type) {
        ArgumentCaptor<T> captor = ArgumentCaptor.forClass(type);
        verify(commandGateway).sendAndWait(captor.capture());
        return captor.getValue();
    }

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
