package org.savingsledger.command.http;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.committee.PositionReportPresented;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored as revision 1 of PositionReportPresented are read as revision 2 through the upcaster chain. */
@LedgerHttpTest
class UpcasterTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Test
    void aRevisionOneReportGetsTheDayItWasPresentedInLondonAsItsFiguresEffectiveDate() {
        String committee = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        store(committee, 0, "org.savingsledger.events.committee.CommitteeEstablished", """
                {"committeeId":"%s","organisation":"nottinghamshire","name":"ASC&PH Committee",
                 "provenance":{"actor":"clerk","reason":null,"effectiveDate":"2018-06-12","decisionRef":null}}""".formatted(committee));
        // as revision 1 was written: no figuresEffectiveOn; presented at 23:30 UTC, which is 00:30 on 13 June in London (BST)
        store(committee, 1, "org.savingsledger.events.committee.PositionReportPresented", """
                {"committeeId":"%s","reportId":"%s-report","meetingDate":"2018-06-12","title":"Savings position",
                 "programmeIds":["notts-asc-savings"],"presentedAt":"2018-06-12T23:30:00Z",
                 "provenance":{"actor":"clerk","reason":null,"effectiveDate":"2018-06-12","decisionRef":"item 9"}}"""
                .formatted(committee, committee));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(committee).asStream().toList();

        PositionReportPresented report = (PositionReportPresented) events.get(1).getPayload();
        assertThat(report.figuresEffectiveOn()).isEqualTo(LocalDate.of(2018, 6, 13));
        assertThat(report.title()).isEqualTo("Savings position");
        assertThat(report.provenance().decisionRef()).isEqualTo("item 9");
    }

    private void store(String aggregate, long sequence, String type, String json) {
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, 'Committee', ?, ?, '1', ?, ?)",
                UUID.randomUUID().toString(), aggregate, sequence, "2018-06-12T23:30:00Z", type,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
