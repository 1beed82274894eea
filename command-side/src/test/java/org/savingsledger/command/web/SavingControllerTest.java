package org.savingsledger.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.saving.BringSavingForward;
import org.savingsledger.command.saving.ChangeSavingConfidence;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ChangeSavingStage;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.MediaType;

import java.sql.SQLException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SavingControllerTest extends CommandWebTest {

    private static final String SAVING = "/api/savings/col-a";

    // ---------------------------------------------------------------- success: 200 with the saving's new version

    @Test
    void revisingTheProfileAnswers200() throws Exception {
        commandBusAnswers(1L);
        expectChanged(postJson(SAVING + "/profile",
                "{\"profile\": {\"2018/19\": 5379000, \"2019-20\": 3461000}, \"reason\": \"Re-profiled\", \"expectedVersion\": 0}"), 1);
        ReviseSavingProfile command = sentCommand(ReviseSavingProfile.class);
        assertThat(command.savingId()).isEqualTo(SavingId.of("col-a"));
        assertThat(command.profile().amountIn(FinancialYear.of(2019))).isEqualTo(Money.pounds(3_461_000));
        assertThat(command.expectedVersion()).isZero();
    }

    @Test
    void slipsAnswer200() throws Exception {
        commandBusAnswers(2L);
        expectChanged(postJson(SAVING + "/slips", """
                {"fromYear": "2018/19", "toYear": "2020/21", "amount": 1000000, "reason": " Newton: at risk ",
                 "decisionRef": "ASC&PH Committee 2018-03-12 item 9", "effectiveDate": "2018-03-12"}"""), 2);
        SlipSavingToYear command = sentCommand(SlipSavingToYear.class);
        assertThat(command.toYear()).isEqualTo(FinancialYear.of(2020));
        assertThat(command.provenance().reason()).isEqualTo("Newton: at risk");
        assertThat(command.provenance().effectiveDate()).isEqualTo(LocalDate.of(2018, 3, 12));
    }

    @Test
    void bringForwardsAnswer200() throws Exception {
        commandBusAnswers(3L);
        expectChanged(postJson(SAVING + "/bring-forwards",
                "{\"fromYear\": \"2020/21\", \"toYear\": \"2019/20\", \"amount\": 250000.25, \"reason\": \"Ahead of plan\"}"), 3);
        assertThat(sentCommand(BringSavingForward.class).amount()).isEqualTo(Money.of("250000.25"));
    }

    @Test
    void deliveriesAnswer200() throws Exception {
        commandBusAnswers(4L);
        expectChanged(postJson(SAVING + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 4500000, \"reason\": \"Outturn\"}"), 4);
        assertThat(sentCommand(RecordSavingDelivered.class).year()).isEqualTo(FinancialYear.of(2018));
    }

    @Test
    void deliveryCorrectionsAreSignedAndAnswer200() throws Exception {
        commandBusAnswers(5L);
        expectChanged(postJson(SAVING + "/delivery-corrections",
                "{\"year\": \"2018/19\", \"amount\": -120000.10, \"reason\": \"Double counted\"}"), 5);
        assertThat(sentCommand(CorrectSavingDelivery.class).amount()).isEqualTo(Money.of("-120000.10"));
    }

    @Test
    void stageChangesAnswer200() throws Exception {
        commandBusAnswers(6L);
        expectChanged(postJson(SAVING + "/stage", "{\"stage\": \"DELIVERED\", \"reason\": \"Complete\"}"), 6);
        assertThat(sentCommand(ChangeSavingStage.class).stage()).isEqualTo(Stage.DELIVERED);
    }

    @Test
    void confidenceChangesAnswer200() throws Exception {
        commandBusAnswers(7L);
        expectChanged(postJson(SAVING + "/confidence", "{\"confidence\": \"STRETCH\", \"reason\": \"Less confidence\"}"), 7);
        assertThat(sentCommand(ChangeSavingConfidence.class).confidence()).isEqualTo(Confidence.STRETCH);
    }

    @Test
    void ragChangesAnswer200() throws Exception {
        commandBusAnswers(8L);
        expectChanged(postJson(SAVING + "/rag", "{\"status\": \"AMBER\", \"reason\": \"Slippage risk\"}"), 8);
        assertThat(sentCommand(ChangeSavingRag.class).status()).isEqualTo(Rag.AMBER);
    }

    @Test
    void withdrawalAnswers200() throws Exception {
        commandBusAnswers(9L);
        expectChanged(postJson(SAVING + "/withdrawal", "{\"reason\": \"Superseded\"}"), 9);
        assertThat(sentCommand(WithdrawSaving.class).provenance().reason()).isEqualTo("Superseded");
    }

    private void expectChanged(org.springframework.test.web.servlet.ResultActions result, long version) throws Exception {
        result.andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.id").value("col-a"))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.consistencyToken").value("col-a@" + version));
    }

    // ---------------------------------------------------------------- 400: the body, naming the field

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "three decimal places   | amount        | {\"year\": \"2018/19\", \"amount\": 100.005, \"reason\": \"r\"}",
            "money as a string      | amount        | {\"year\": \"2018/19\", \"amount\": \"100\", \"reason\": \"r\"}",
            "NaN                    | amount        | {\"year\": \"2018/19\", \"amount\": NaN, \"reason\": \"r\"}",
            "money as an object     | amount        | {\"year\": \"2018/19\", \"amount\": {\"pounds\": 1}, \"reason\": \"r\"}",
            "zero delivery          | amount        | {\"year\": \"2018/19\", \"amount\": 0, \"reason\": \"r\"}",
            "year spanning two      | year          | {\"year\": \"2018/20\", \"amount\": 1, \"reason\": \"r\"}",
            "short year             | year          | {\"year\": \"18/19\", \"amount\": 1, \"reason\": \"r\"}",
            "bare year              | year          | {\"year\": \"2018\", \"amount\": 1, \"reason\": \"r\"}",
            "year before 1990/91    | year          | {\"year\": \"1989/90\", \"amount\": 1, \"reason\": \"r\"}",
            "year as a number       | year          | {\"year\": 2018, \"amount\": 1, \"reason\": \"r\"}",
            "unknown field          | colour        | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"colour\": \"red\"}",
            "bad effective date     | effectiveDate | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"effectiveDate\": \"12/03/2018\"}",
            "impossible date        | effectiveDate | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"effectiveDate\": \"2018-02-30\"}",
            "version as a string    | expectedVersion | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"expectedVersion\": \"3\"}",
            "fractional version     | expectedVersion | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"expectedVersion\": 3.7}",
            "negative version       | expectedVersion | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\", \"expectedVersion\": -1}",
            "no reason              | reason        | {\"year\": \"2018/19\", \"amount\": 1}",
            "blank reason           | reason        | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"   \"}",
            "null amount            | amount        | {\"year\": \"2018/19\", \"amount\": null, \"reason\": \"r\"}",
            "reason as a number     | reason        | {\"year\": \"2018/19\", \"amount\": 1, \"reason\": 5}",
            "duplicate field        | amount        | {\"year\": \"2018/19\", \"amount\": 1, \"amount\": 2, \"reason\": \"r\"}",
            "magnitude too large    | amount        | {\"year\": \"2018/19\", \"amount\": 1e400, \"reason\": \"r\"}",
            "not an object          | body          | [1]",
    })
    void invalidDeliveriesAre400NamingTheField(String caseName, String field, String body) throws Exception {
        postJson(SAVING + "/deliveries", body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                // Jackson's messages name Java classes; ours must not
                .andExpect(jsonPath("$.detail", not(containsString("org.savingsledger"))))
                .andExpect(jsonPath("$.detail", not(containsString("java."))));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void theMessageSaysWhatIsWrongWithTheValue() throws Exception {
        postJson(SAVING + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 100.005, \"reason\": \"r\"}")
                .andExpect(jsonPath("$.errors[0].message").value("must have at most 2 decimal places, was 100.005"));
        postJson(SAVING + "/deliveries", "{\"year\": \"2018/20\", \"amount\": 1, \"reason\": \"r\"}")
                .andExpect(jsonPath("$.errors[0].message", containsString("two consecutive years")));
        postJson(SAVING + "/rag", "{\"status\": \"PURPLE\", \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", containsString("RED, AMBER, GREEN")));
    }

    @Test
    void anEnumGivenAsANumberIsRefusedNotTakenAsAnOrdinal() throws Exception {
        postJson(SAVING + "/rag", "{\"status\": 1, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void profileErrorsNameTheYear() throws Exception {
        postJson(SAVING + "/profile", "{\"profile\": {\"2018/19\": 100.005}, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("profile.2018/19"));
        postJson(SAVING + "/profile", "{\"profile\": {\"2018/20\": 100}, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("profile.2018/20"))
                .andExpect(jsonPath("$.errors[0].message", containsString("two consecutive years")));
        postJson(SAVING + "/profile", "{\"profile\": {\"2018/19\": -5}, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("profile")))
                .andExpect(jsonPath("$.errors[0].message").value("amount for 2018/19 must not be negative"));
        postJson(SAVING + "/profile", "{\"profile\": [1, 2], \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("profile"));
    }

    @Test
    void aSlipToAnEarlierYearIsA400OnToYear() throws Exception {
        postJson(SAVING + "/slips", "{\"fromYear\": \"2019/20\", \"toYear\": \"2018/19\", \"amount\": 1, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toYear"))
                .andExpect(jsonPath("$.errors[0].message").value("must be later than fromYear 2019/20"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        postJson(SAVING + "/deliveries", "{\"year\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson(SAVING + "/deliveries", "{\"year\": \"2018/19\",, }")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"));
        postJson(SAVING + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 1, \"reason\": \"r\"} trailing")
                .andExpect(status().isBadRequest());
        postJson(SAVING + "/deliveries", "[]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        postJson(SAVING + "/withdrawal", "")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void overlongTextIsA400() throws Exception {
        postJson(SAVING + "/withdrawal", "{\"reason\": \"" + "x".repeat(2001) + "\", \"decisionRef\": \"" + "y".repeat(501) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("reason", "decisionRef")));
    }

    // ---------------------------------------------------------------- 404, 409, 422, 503, 500

    @Test
    void aPathIdThatCannotBeAnIdIsA404() throws Exception {
        postJson("/api/savings/NOT_AN_ID/rag", "{\"status\": \"RED\", \"reason\": \"r\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anAggregateMissingFromTheStoreIsA404() throws Exception {
        commandBusThrows(new AggregateNotFoundException("col-a", "The aggregate was not found in the event store"));
        postJson(SAVING + "/rag", "{\"status\": \"RED\", \"reason\": \"r\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"));
    }

    @Test
    void aStaleExpectedVersionIsA409VersionConflictSayingBothVersions() throws Exception {
        commandBusThrows(new ConflictingAggregateVersionException("col-a", 3, 5));
        postJson(SAVING + "/rag", "{\"status\": \"RED\", \"reason\": \"r\", \"expectedVersion\": 3}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:version-conflict"))
                .andExpect(jsonPath("$.detail", containsString("expected version 3")))
                .andExpect(jsonPath("$.detail", containsString("version 5")));
    }

    @Test
    void aConcurrentAppendIsA409VersionConflict() throws Exception {
        commandBusThrows(new CommandExecutionException("failed", new ConcurrencyException("sequence 6 already exists")));
        postJson(SAVING + "/rag", "{\"status\": \"RED\", \"reason\": \"r\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:version-conflict"));
    }

    @Test
    void aRuleViolationIsA422WhoseDetailNamesTheRule() throws Exception {
        commandBusThrows(new BusinessRuleViolation(Rule.MOVE_WITHIN_UNDELIVERED_PLAN, "2018/19 has 6804000.00 to move"));
        postJson(SAVING + "/slips", "{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 6804000.01, \"reason\": \"r\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:rule:move-within-undelivered-plan"))
                .andExpect(jsonPath("$.rule").value("move-within-undelivered-plan"))
                .andExpect(jsonPath("$.detail", containsString("planned and not yet delivered")));
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() throws Exception {
        commandBusThrows(new EventStoreException("append failed",
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused"))));
        postJson(SAVING + "/rag", "{\"status\": \"RED\", \"reason\": \"r\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:service-unavailable"));
    }

    @Test
    void anythingElseIsA500WithoutDetails() throws Exception {
        commandBusThrows(new IllegalStateException("secret internals at line 42"));
        postJson(SAVING + "/rag", "{\"status\": \"RED\", \"reason\": \"r\"}")
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:internal-server-error"))
                .andExpect(jsonPath("$.detail", not(containsString("secret"))))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
