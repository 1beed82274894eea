package org.savingsledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programme events of revision 1, as the event store holds them, still read: the fields later revisions added read
 * as "not given" (no funding source, not pending, no predecessor, no directorate). Later revisions round-trip.
 */
class ProgrammeEventRevisionsTest {

    private static final ObjectMapper JSON = org.savingsledger.events.EventJson.objectMapper();
    private static final String PROVENANCE = "\"provenance\":{\"actor\":\"alice\",\"reason\":\"why\","
            + "\"effectiveDate\":\"2018-04-01\",\"decisionRef\":null}";
    private static final Provenance READ = new Provenance("alice", "why", LocalDate.parse("2018-04-01"), null);

    @Test
    void aRevision1LaunchReadsWithNoPredecessorAndNoDirectorate() throws Exception {
        String json = "{\"programmeId\":\"p1\",\"organisation\":\"Notts\",\"name\":\"ASC\",\"description\":null,"
                + "\"savingsTarget\":1000.00,\"firstYear\":\"2018/19\",\"lastYear\":\"2020/21\"," + PROVENANCE + "}";

        ProgrammeLaunched launched = JSON.readValue(json, ProgrammeLaunched.class);

        assertThat(launched).isEqualTo(new ProgrammeLaunched(ProgrammeId.of("p1"), "Notts", "ASC", null,
                Money.of("1000.00"), FinancialYear.parse("2018/19"), FinancialYear.parse("2020/21"), READ));
        assertThat(launched.follows()).isNull();
        assertThat(launched.directorate()).isNull();
    }

    @Test
    void aRevision1ApprovalReadsAsApprovedWithNoSource() throws Exception {
        ProgrammeBudgetApproved approved = JSON.readValue(
                "{\"programmeId\":\"p1\",\"amount\":250.50," + PROVENANCE + "}", ProgrammeBudgetApproved.class);

        assertThat(approved.amount()).isEqualTo(Money.of("250.50"));
        assertThat(approved.source()).isNull();
        assertThat(approved.pending()).isFalse();
    }

    @Test
    void revision1DrawdownsAndCorrectionsReadWithNoSource() throws Exception {
        String body = "{\"programmeId\":\"p1\",\"amount\":-5.00," + PROVENANCE + "}";

        assertThat(JSON.readValue(body, ProgrammeCostDrawnDown.class).source()).isNull();
        assertThat(JSON.readValue(body, ProgrammeBudgetCorrected.class).source()).isNull();
        assertThat(JSON.readValue(body, ProgrammeCostDrawdownCorrected.class).source()).isNull();
        assertThat(JSON.readValue("{\"programmeId\":\"p1\",\"name\":\"New\"," + PROVENANCE + "}",
                ProgrammeDetailsChanged.class)).isEqualTo(new ProgrammeDetailsChanged(ProgrammeId.of("p1"), "New", null, READ));
    }

    @Test
    void theNewFieldsRoundTrip() throws Exception {
        ProgrammeLaunched launched = new ProgrammeLaunched(ProgrammeId.of("p2"), "Notts", "ASC phase 2", null,
                Money.of("1000.00"), FinancialYear.parse("2021/22"), FinancialYear.parse("2022/23"), READ,
                ProgrammeId.of("p1"), "Adults and Health");
        ProgrammeBudgetApproved bid = new ProgrammeBudgetApproved(ProgrammeId.of("p2"), Money.of("10.00"), READ,
                "DLUHC grant", true);
        ProgrammePendingBudgetResolved resolved = new ProgrammePendingBudgetResolved(ProgrammeId.of("p2"),
                "DLUHC grant", Money.of("4.00"), BudgetDecision.APPROVED, READ);

        assertThat(JSON.readValue(JSON.writeValueAsString(launched), ProgrammeLaunched.class)).isEqualTo(launched);
        assertThat(JSON.readValue(JSON.writeValueAsString(bid), ProgrammeBudgetApproved.class)).isEqualTo(bid);
        assertThat(JSON.readValue(JSON.writeValueAsString(resolved), ProgrammePendingBudgetResolved.class))
                .isEqualTo(resolved);
        assertThat(JSON.writeValueAsString(launched)).contains("\"follows\":\"p1\"");
    }
}
