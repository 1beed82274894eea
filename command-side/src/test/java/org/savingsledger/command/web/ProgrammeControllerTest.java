package org.savingsledger.command.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.programme.ApproveProgrammeBudget;
import org.savingsledger.command.programme.DrawDownProgrammeCost;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.programme.ReviseProgrammeTarget;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;
import org.springframework.http.MediaType;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProgrammeControllerTest extends CommandWebTest {

    private static final String PROGRAMME = """
            {"id": "notts-asc", "organisation": "nottinghamshire", "name": "Adult Social Care savings",
             "savingsTarget": 17981000, "firstYear": "2018/19", "lastYear": "2021-22",
             "description": "Figure 1", "reason": "  ", "decisionRef": "  ASC&PH Committee 2018-03-12 item 9 "}""";

    @Test
    void launchingAProgrammeAnswers201WithLocationIdVersionZeroAndToken() throws Exception {
        commandBusAnswers("notts-asc");

        postJson("/api/programmes", PROGRAMME)
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Location", endsWith("/api/programmes/notts-asc")))
                .andExpect(jsonPath("$.id").value("notts-asc"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.consistencyToken").value("notts-asc@0"));

        LaunchProgramme command = sentCommand(LaunchProgramme.class);
        assertThat(command.programmeId()).isEqualTo(ProgrammeId.of("notts-asc"));
        assertThat(command.savingsTarget()).isEqualTo(Money.pounds(17_981_000));
        assertThat(command.lastYear()).isEqualTo(FinancialYear.of(2021));
        // the signed-in user; no effectiveDate: today in London; blank reason dropped, decisionRef trimmed
        assertThat(command.provenance()).isEqualTo(new Provenance("web-test-user", null, LocalDate.of(2018, 4, 1),
                "ASC&PH Committee 2018-03-12 item 9"));
    }

    @Test
    void withoutAnIdTheServerMakesOne() throws Exception {
        commandBusAnswers("generated");

        postJson("/api/programmes", """
                {"organisation": "leicestershire", "name": "Transformation", "savingsTarget": 35400000,
                 "firstYear": "2016/17", "lastYear": "2019/20"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", matchesPattern("^[a-z0-9][a-z0-9-]{0,62}$")));

        assertThat(sentCommand(LaunchProgramme.class).programmeId().value()).matches("^[a-z0-9][a-z0-9-]{0,62}$");
    }

    @Test
    void theActorIsTheAuthenticatedPrincipal() throws Exception {
        commandBusAnswers("notts-asc");

        mvc.perform(post("/api/programmes").contentType(MediaType.APPLICATION_JSON).content(PROGRAMME)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("j.smith").roles("FINANCE")))
                .andExpect(status().isCreated());

        assertThat(sentCommand(LaunchProgramme.class).provenance().actor()).isEqualTo("j.smith");
    }

    @Test
    void programmeCommandsAnswer200WithTheNewVersion() throws Exception {
        commandBusAnswers(4L);

        postJson("/api/programmes/notts-asc/target",
                "{\"savingsTarget\": 18000000.5, \"reason\": \"MTFS refresh\", \"expectedVersion\": 3, \"effectiveDate\": \"2018-02-22\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("notts-asc"))
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.consistencyToken").value("notts-asc@4"));

        ReviseProgrammeTarget command = sentCommand(ReviseProgrammeTarget.class);
        assertThat(command.savingsTarget()).isEqualTo(Money.of("18000000.50"));
        assertThat(command.expectedVersion()).isEqualTo(3L);
        assertThat(command.provenance().effectiveDate()).isEqualTo(LocalDate.of(2018, 2, 22));
        assertThat(command.provenance().reason()).isEqualTo("MTFS refresh");
    }

    @Test
    void budgetApprovalsAnswer200() throws Exception {
        commandBusAnswers(2L);
        postJson("/api/programmes/notts-asc/budget-approvals", "{\"amount\": 6700000, \"reason\": \"Resource plan\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(sentCommand(ApproveProgrammeBudget.class).amount()).isEqualTo(Money.pounds(6_700_000));
    }

    @Test
    void costDrawdownsAnswer200() throws Exception {
        commandBusAnswers(3L);
        postJson("/api/programmes/notts-asc/cost-drawdowns", "{\"amount\": 2400000.01, \"reason\": \"Posts\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        assertThat(sentCommand(DrawDownProgrammeCost.class).amount()).isEqualTo(Money.of("2400000.01"));
    }

    @Test
    void proposingASavingAnswers201WithTheSavingsLocation() throws Exception {
        commandBusAnswers("col-a");

        postJson("/api/programmes/notts-asc/savings", """
                {"id": "col-a", "title": "Column A", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 6804000, "2019/20": 588000.5}}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/savings/col-a")))
                .andExpect(jsonPath("$.id").value("col-a"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.consistencyToken").value("col-a@0"));

        ProposeSaving command = sentCommand(ProposeSaving.class);
        assertThat(command.savingId()).isEqualTo(SavingId.of("col-a"));
        assertThat(command.programmeId()).isEqualTo(ProgrammeId.of("notts-asc"));
        assertThat(command.confidence()).isEqualTo(Confidence.CONFIDENT);
        assertThat(command.stage()).isEqualTo(Stage.IN_DELIVERY);
        assertThat(command.profile().amountIn(FinancialYear.of(2019))).isEqualTo(Money.of("588000.50"));
    }

    @Test
    void missingFieldsAreReportedTogether() throws Exception {
        postJson("/api/programmes", "{\"name\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("organisation", "savingsTarget", "firstYear", "lastYear")));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aMalformedClientIdIsA400OnId() throws Exception {
        postJson("/api/programmes", PROGRAMME.replace("notts-asc", "Not An Id"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void semanticChecksOfTheCommandAre400NamingTheField() throws Exception {
        postJson("/api/programmes", PROGRAMME.replace("2021-22", "2017/18"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("lastYear"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be before firstYear 2018/19"));
    }

    @Test
    void anExpectedVersionOfAProgrammeOrSavingNotYetThereIsA400NotIgnored() throws Exception {
        postJson("/api/programmes", PROGRAMME.replace("{", "{\"expectedVersion\": 0, "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
        postJson("/api/programmes/notts-asc/savings", "{\"title\": \"Column B\", \"confidence\": \"CONFIDENT\", "
                + "\"stage\": \"CONCEPT\", \"profile\": {\"2018/19\": 1}, \"expectedVersion\": 3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aReasonIsRequiredWhereMoneyChangesAndReportedWithTheOtherFields() throws Exception {
        postJson("/api/programmes/notts-asc/budget-approvals", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("amount", "reason")));
    }

    @Test
    void aZeroAmountIsA400FromTheCommand() throws Exception {
        postJson("/api/programmes/notts-asc/budget-approvals", "{\"amount\": 0, \"reason\": \"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than 0"));
    }

    @Test
    void aPathIdThatCannotBeAnIdIsA404() throws Exception {
        postJson("/api/programmes/NOT_AN_ID/target", "{\"savingsTarget\": 1, \"reason\": \"r\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anUnknownProgrammeIsA404() throws Exception {
        commandBusThrows(new UnknownIdentifier(LedgerKind.PROGRAMME, "nope"));
        postJson("/api/programmes/nope/savings", """
                {"title": "t", "confidence": "STRETCH", "stage": "CONCEPT", "profile": {}}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("no programme with id 'nope'"));
    }

    @Test
    void anIdInUseIsA409Conflict() throws Exception {
        commandBusThrows(new DuplicateIdentifier("notts-asc"));
        postJson("/api/programmes", PROGRAMME)
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:conflict"));
    }

    @Test
    void aConcurrentCreateOfTheSameIdIsA409ConflictWithoutSqlInTheDetail() throws Exception {
        commandBusThrows(new CommandExecutionException("failed",
                new AggregateStreamCreationException("Cannot reuse aggregate identifier [notts-asc] insert into domain_event_entry")));
        postJson("/api/programmes", PROGRAMME)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:conflict"))
                .andExpect(jsonPath("$.detail").value("the id is already in use"));
    }

    @Test
    void aWrappedRuleViolationIsA422NamingTheRule() throws Exception {
        commandBusThrows(new CommandExecutionException("failed",
                new BusinessRuleViolation(Rule.YEARS_WITHIN_PROGRAMME_PERIOD, "2030/31 is outside 2018/19..2021/22")));
        postJson("/api/programmes/notts-asc/savings", """
                {"title": "t", "confidence": "STRETCH", "stage": "CONCEPT", "profile": {"2030/31": 5}}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:rule:years-within-programme-period"))
                .andExpect(jsonPath("$.rule").value("years-within-programme-period"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith(Rule.YEARS_WITHIN_PROGRAMME_PERIOD.description())));
    }

    @Test
    void aDeliveredStageIsRefusedForANewSaving() throws Exception {
        postJson("/api/programmes/notts-asc/savings", """
                {"title": "t", "confidence": "STRETCH", "stage": "DELIVERED", "profile": {}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("stage")));
    }
}
