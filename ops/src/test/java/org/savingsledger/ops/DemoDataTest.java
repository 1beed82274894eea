package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --demo} loads both councils' figures through the commands, once. */
@AllInOneTest
class DemoDataTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoData demo;

    @Test
    void theDemoStreamsHoldTheReportsFigures() {
        assertThat(eventTypes(DemoData.NOTTS_COLUMN_B.value())).containsExactly(
                "SavingProposed", "SavingSlippedToYear");
        assertThat(eventTypes(DemoData.NOTTS_COLUMN_A.value())).containsExactly("SavingProposed");
        assertThat(eventTypes(DemoData.NOTTS_COMMITTEE.value())).containsExactly(
                "CommitteeEstablished", "ProgrammeAssignedToCommittee", "PositionReportPresented");
        assertThat(eventTypes(DemoData.LEICS_PROGRAMME.value())).containsExactly("ProgrammeLaunched");

        String columnC = payload(DemoData.NOTTS_COLUMN_C.value(), 0);
        assertThat(columnC).contains("\"2018/19\":712000.00", "\"2019/20\":5414000.00",
                "\"2020/21\":7878000.00", "\"2021/22\":6219000.00");
        String slip = payload(DemoData.NOTTS_COLUMN_B.value(), 1);
        assertThat(slip).contains("\"fromYear\":\"2018/19\"", "\"toYear\":\"2020/21\"", "\"amount\":1000000.00",
                "\"decisionRef\":\"ASC&PH Committee 2018-03-12 item 9\"", "\"effectiveDate\":\"2018-03-12\"");
        String leicestershire = payload(DemoData.LEICS_PROFILE.value(), 0);
        assertThat(leicestershire).contains("\"2016/17\":9900000.00", "\"2017/18\":9000000.00",
                "\"2018/19\":9300000.00", "\"2019/20\":7200000.00");
    }

    @Test
    void eachCouncilIsRegisteredBeforeItsProgrammeAndCommittee() {
        assertThat(eventTypes(DemoData.NOTTINGHAMSHIRE.value())).containsExactly("OrganisationRegistered");
        assertThat(payload(DemoData.NOTTINGHAMSHIRE.value(), 0)).contains("\"name\":\"Nottinghamshire County Council\"",
                "\"gssCode\":\"E10000024\"");
        assertThat(payload(DemoData.LEICESTERSHIRE.value(), 0)).contains("\"name\":\"Leicestershire County Council\"",
                "\"gssCode\":\"E10000018\"");
        assertThat(globalIndex(DemoData.NOTTINGHAMSHIRE.value())).isLessThan(globalIndex(DemoData.NOTTS_PROGRAMME.value()));
        assertThat(globalIndex(DemoData.LEICESTERSHIRE.value())).isLessThan(globalIndex(DemoData.LEICS_PROGRAMME.value()));
    }

    @Test
    void loadingTheDemoAgainChangesNothing() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(demo.load()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number", String.class, aggregateId)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private long globalIndex(String aggregateId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0", Long.class, aggregateId);
    }

    private String payload(String aggregateId, long sequence) {
        byte[] bytes = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, aggregateId, sequence);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
