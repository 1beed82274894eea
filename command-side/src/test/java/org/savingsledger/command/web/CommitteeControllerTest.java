package org.savingsledger.command.web;

import org.junit.jupiter.api.Test;
import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.ReportId;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CommitteeControllerTest extends CommandWebTest {

    @Test
    void establishingACommitteeAnswers201() throws Exception {
        commandBusAnswers("asc-ph");

        postJson("/api/committees", "{\"id\": \"asc-ph\", \"organisation\": \"nottinghamshire\", \"name\": \"ASC&PH Committee\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/committees/asc-ph")))
                .andExpect(jsonPath("$.id").value("asc-ph"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.consistencyToken").value("asc-ph@0"));

        EstablishCommittee command = sentCommand(EstablishCommittee.class);
        assertThat(command.committeeId()).isEqualTo(CommitteeId.of("asc-ph"));
        assertThat(command.name()).isEqualTo("ASC&PH Committee");
    }

    @Test
    void establishingACommitteeNeedsOrganisationAndName() throws Exception {
        postJson("/api/committees", "{\"organisation\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("organisation", "name")));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void assigningAProgrammeAnswers200WithTheCommitteesVersion() throws Exception {
        commandBusAnswers(1L);

        postJson("/api/committees/asc-ph/programmes", "{\"programmeId\": \"notts-asc\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("asc-ph"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.consistencyToken").value("asc-ph@1"));

        AssignProgrammeToCommittee command = sentCommand(AssignProgrammeToCommittee.class);
        assertThat(command.committeeId()).isEqualTo(CommitteeId.of("asc-ph"));
        assertThat(command.programmeId()).isEqualTo(ProgrammeId.of("notts-asc"));
    }

    @Test
    void anotherOrganisationsProgrammeIsA422() throws Exception {
        commandBusThrows(new BusinessRuleViolation(Rule.SAME_ORGANISATION, "leicestershire is not nottinghamshire"));
        postJson("/api/committees/asc-ph/programmes", "{\"programmeId\": \"leics-tp\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:rule:same-organisation"));
    }

    @Test
    void presentingAReportAnswers201WithTheReportsIdAndTheCommitteesVersion() throws Exception {
        commandBusAnswers(2L);

        postJson("/api/committees/asc-ph/reports", """
                {"id": "march-2018", "meetingDate": "2018-03-12", "title": "Savings position",
                 "programmeIds": ["notts-asc", "notts-asc", "notts-cyp"]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/committees/asc-ph/reports/march-2018")))
                .andExpect(jsonPath("$.id").value("march-2018"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.consistencyToken").value("asc-ph@2"));

        PresentPositionReport command = sentCommand(PresentPositionReport.class);
        assertThat(command.reportId()).isEqualTo(ReportId.of("march-2018"));
        assertThat(command.meetingDate()).isEqualTo(LocalDate.of(2018, 3, 12));
        assertThat(command.presentedAt()).isEqualTo(NOW);
        assertThat(command.programmeIds()).containsExactly(ProgrammeId.of("notts-asc"), ProgrammeId.of("notts-cyp"));
    }

    @Test
    void withoutProgrammeIdsTheReportCoversWhatTheCommitteeOversees() throws Exception {
        commandBusAnswers(3L);

        postJson("/api/committees/asc-ph/reports", "{\"meetingDate\": \"2018-03-12\", \"title\": \"Savings position\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", matchesPattern("^[a-z0-9][a-z0-9-]{0,62}$")));

        assertThat(sentCommand(PresentPositionReport.class).programmeIds()).isNull();
    }

    @Test
    void aReportNeedsAMeetingDateAndTitle() throws Exception {
        postJson("/api/committees/asc-ph/reports", "{\"programmeIds\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("meetingDate", "title")));
    }

    @Test
    void badProgrammeIdsInAReportAre400NamingTheElement() throws Exception {
        postJson("/api/committees/asc-ph/reports", "{\"meetingDate\": \"2018-03-12\", \"title\": \"t\", \"programmeIds\": [\"ok\", \"Bad\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeIds[1]"));
        postJson("/api/committees/asc-ph/reports", "{\"meetingDate\": \"2018-03-12\", \"title\": \"t\", \"programmeIds\": [null]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programmeIds[0]"));
        postJson("/api/committees/asc-ph/reports", "{\"id\": \"Bad Id\", \"meetingDate\": \"2018-03-12\", \"title\": \"t\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anUnknownCommitteeIsA404() throws Exception {
        commandBusThrows(new UnknownIdentifier(LedgerKind.COMMITTEE, "no-such-committee"));
        postJson("/api/committees/no-such-committee/reports", "{\"meetingDate\": \"2018-03-12\", \"title\": \"t\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"));
    }

    @Test
    void aPathIdThatCannotBeAnIdIsA404() throws Exception {
        postJson("/api/committees/Not-An-Id/programmes", "{\"programmeId\": \"notts-asc\"}")
                .andExpect(status().isNotFound());
        verifyNoInteractions(commandGateway);
    }

    @Test
    void aUrlTheFirewallRefusesIsA400Problem() throws Exception {
        postJson("/api/committees/a%2Fb/programmes", "{\"programmeId\": \"notts-asc\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:invalid-input"));
        verifyNoInteractions(commandGateway);
    }
}
