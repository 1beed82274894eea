package org.savingsledger.command.committee;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ReportId;
import org.savingsledger.web.access.OrganisationScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.savingsledger.command.Refusals.refusedBy;

/**
 * Nottinghamshire's Adult Social Care and Public Health Committee, 12 March 2018. Its organisation's programmes
 * and a Leicestershire one are in the ledger directory. Versions: the establishment is 0, each later event adds 1.
 */
class CommitteeTest {

    private static final CommitteeId ID = CommitteeId.of("notts-ascph-committee");
    private static final ProgrammeId ASC = ProgrammeId.of("notts-asc-savings");
    private static final ProgrammeId PUBLIC_HEALTH = ProgrammeId.of("notts-public-health");
    private static final ProgrammeId LEICS = ProgrammeId.of("leics-transformation");
    private static final ReportId REPORT = ReportId.of("notts-ascph-2018-03-12");
    private static final LocalDate MEETING = LocalDate.of(2018, 3, 12);
    private static final Instant PRESENTED = Instant.parse("2018-03-12T10:15:00Z");
    private static final Provenance BY_CLERK = new Provenance("committee-clerk", null, MEETING, "item 9");
    private static final CommitteeEstablished ESTABLISHED = new CommitteeEstablished(ID, "nottinghamshire",
            "Adult Social Care and Public Health Committee", BY_CLERK);

    private static final Map<String, Object> SENT_BY_A_NOTTS_CLERK = Map.of(SenderScope.METADATA_KEY,
            OrganisationScope.of(Set.of("nottinghamshire")));
    private static final Map<String, Object> SENT_BY_A_CLERK_OF_BOTH = Map.of(SenderScope.METADATA_KEY,
            OrganisationScope.of(Set.of("nottinghamshire", "leicestershire")));

    private AggregateTestFixture<Committee> fixture;
    private InMemoryLedgerDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Committee.class);
        directory = new InMemoryLedgerDirectory()
                .taken("nottinghamshire", LedgerKind.ORGANISATION)
                .programme(ASC.value(), "nottinghamshire", "2018/19", "2021/22")
                .programme(PUBLIC_HEALTH.value(), "nottinghamshire", "2018/19", "2020/21")
                .programme(LEICS.value(), "leicestershire", "2016/17", "2019/20");
        fixture.registerInjectableResource(directory);
    }

    private PresentPositionReport present(List<ProgrammeId> programmes) {
        return new PresentPositionReport(ID, REPORT, MEETING, "Savings position", programmes, PRESENTED, null, BY_CLERK, null);
    }

    @Test
    void establishCommittee_recordsItsOrganisationAndName() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCommittee(ID, "nottinghamshire", "Adult Social Care and Public Health Committee", BY_CLERK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ESTABLISHED);
    }

    @Test
    void establishCommittee_withAnIdInUseIsADuplicateIdentifier() {
        directory.taken(ID.value(), LedgerKind.SAVING);
        fixture.givenNoPriorActivity()
                .when(new EstablishCommittee(ID, "nottinghamshire", "Cabinet", BY_CLERK))
                .expectException(DuplicateIdentifier.class)
                .expectNoEvents();
    }

    @Test
    void assignProgrammeToCommittee_aProgrammeOfItsOwnOrganisation() {
        fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, ASC, BY_CLERK, null))
                .expectEvents(new ProgrammeAssignedToCommittee(ID, ASC, BY_CLERK))
                .expectResultMessagePayload(1L);
    }

    @Test
    void assignProgrammeToCommittee_again_isANoOpAnsweringTheCurrentVersion() {
        fixture.given(ESTABLISHED, new ProgrammeAssignedToCommittee(ID, ASC, BY_CLERK))
                .when(new AssignProgrammeToCommittee(ID, ASC, BY_CLERK, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void presentPositionReport_withoutProgrammeIdsCoversTheOverseenProgrammesInOrder() {
        fixture.given(ESTABLISHED, new ProgrammeAssignedToCommittee(ID, PUBLIC_HEALTH, BY_CLERK),
                        new ProgrammeAssignedToCommittee(ID, ASC, BY_CLERK))
                .when(present(null))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position",
                        List.of(PUBLIC_HEALTH, ASC), PRESENTED, BY_CLERK))
                .expectResultMessagePayload(3L);
    }

    @Test
    void presentPositionReport_namingItsProgrammesCoversThoseEvenIfNotOverseen() {
        fixture.given(ESTABLISHED, new ProgrammeAssignedToCommittee(ID, PUBLIC_HEALTH, BY_CLERK))
                .when(present(List.of(ASC)))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(ASC),
                        PRESENTED, BY_CLERK))
                .expectResultMessagePayload(2L);
    }

    @Test
    void presentPositionReport_byACommitteeOverseeingNothingCoversNothing() {
        fixture.given(ESTABLISHED)
                .when(present(null))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(),
                        PRESENTED, BY_CLERK))
                .expectResultMessagePayload(1L);
    }

    @Test
    void presentPositionReport_anEmptyListOfProgrammesCoversNothing() {
        fixture.given(ESTABLISHED, new ProgrammeAssignedToCommittee(ID, ASC, BY_CLERK))
                .when(present(List.of()))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(),
                        PRESENTED, BY_CLERK))
                .expectResultMessagePayload(2L);
    }

    @Test
    void presentPositionReport_aProgrammeNamedTwiceIsReportedOnceInFirstOrder() {
        fixture.given(ESTABLISHED)
                .when(present(List.of(PUBLIC_HEALTH, ASC, PUBLIC_HEALTH)))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position",
                        List.of(PUBLIC_HEALTH, ASC), PRESENTED, BY_CLERK))
                .expectResultMessagePayload(1L);
    }

    @Test
    void presentPositionReport_loadedYearsLaterCountsChangesEffectiveByTheMeetingDate() {
        Instant loadedToday = Instant.parse("2026-12-03T09:30:00Z");
        fixture.given(ESTABLISHED)
                .when(new PresentPositionReport(ID, REPORT, MEETING, "Savings position", List.of(),
                        loadedToday, null, BY_CLERK, null))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(),
                        loadedToday, MEETING, BY_CLERK));
    }

    @Test
    void presentPositionReport_mayGiveThePositionAtAnEarlierPeriodEnd() {
        LocalDate endOfJanuary = LocalDate.of(2018, 1, 31);
        fixture.given(ESTABLISHED)
                .when(new PresentPositionReport(ID, REPORT, MEETING, "Savings position", List.of(),
                        PRESENTED, endOfJanuary, BY_CLERK, null))
                .expectEvents(new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(),
                        PRESENTED, endOfJanuary, BY_CLERK));
    }

    @Test
    void presentPositionReport_withAReusedReportIdIsADuplicateIdentifier() {
        fixture.given(ESTABLISHED, new PositionReportPresented(ID, REPORT, MEETING, "Savings position", List.of(),
                        PRESENTED, BY_CLERK))
                .when(present(List.of()))
                .expectException(DuplicateIdentifier.class)
                .expectNoEvents();
    }

    @Test
    void presentPositionReport_withAnIdInUseByAnythingElseIsADuplicateIdentifier() {
        directory.taken(REPORT.value(), LedgerKind.PROGRAMME);
        fixture.given(ESTABLISHED)
                .when(present(List.of()))
                .expectException(DuplicateIdentifier.class)
                .expectNoEvents();
    }

    @Test
    void programmeMustExist_toBeOverseen() {
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, ProgrammeId.of("no-such-programme"), BY_CLERK, null)),
                Rule.PROGRAMME_MUST_EXIST);
    }

    @Test
    void programmeMustExist_toBeReportedOn() {
        refusedBy(fixture.given(ESTABLISHED)
                .when(present(List.of(ASC, ProgrammeId.of("no-such-programme")))),
                Rule.PROGRAMME_MUST_EXIST);
    }

    @Test
    void sameOrganisation_aCommitteeCannotOverseeAnotherOrganisationsProgramme() {
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, LEICS, BY_CLERK, null), SENT_BY_A_CLERK_OF_BOTH),
                Rule.SAME_ORGANISATION);
    }

    @Test
    void sameOrganisation_aCommitteeCannotReportOnAnotherOrganisationsProgramme() {
        refusedBy(fixture.given(ESTABLISHED)
                .when(present(List.of(LEICS)), SENT_BY_A_CLERK_OF_BOTH),
                Rule.SAME_ORGANISATION);
    }

    @Test
    void sameOrganisation_oneForeignProgrammeRefusesTheWholeReport() {
        refusedBy(fixture.given(ESTABLISHED, new ProgrammeAssignedToCommittee(ID, ASC, BY_CLERK))
                .when(present(List.of(ASC, PUBLIC_HEALTH, LEICS)), SENT_BY_A_CLERK_OF_BOTH),
                Rule.SAME_ORGANISATION);
    }

    /** To a sender who may not see Leicestershire, its programme is answered word for word as a missing one. */
    @Test
    void programmeMustExist_aProgrammeOfAnOrganisationTheSenderMayNotSeeIsAsIfItDidNotExist() {
        ProgrammeId missing = ProgrammeId.of("no-such-programme");
        String unknown = "a programme must exist before anything refers to it: there is no programme '%s'";
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, LEICS, BY_CLERK, null), SENT_BY_A_NOTTS_CLERK)
                .expectExceptionMessage(unknown.formatted(LEICS)), Rule.PROGRAMME_MUST_EXIST);
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, missing, BY_CLERK, null), SENT_BY_A_NOTTS_CLERK)
                .expectExceptionMessage(unknown.formatted(missing)), Rule.PROGRAMME_MUST_EXIST);
        refusedBy(fixture.given(ESTABLISHED)
                .when(present(List.of(ASC, LEICS)), SENT_BY_A_NOTTS_CLERK)
                .expectExceptionMessage(unknown.formatted(LEICS)), Rule.PROGRAMME_MUST_EXIST);
    }

    /** A command that carries no sender (not sent through the organisation check) sees no other organisation. */
    @Test
    void programmeMustExist_withoutASenderAnotherOrganisationsProgrammeIsAsIfItDidNotExist() {
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, LEICS, BY_CLERK, null)),
                Rule.PROGRAMME_MUST_EXIST);
    }

    @Test
    void programmeMustExist_anIdOfAnotherKindIsNotAProgramme() {
        directory.taken("notts-asc-column-b", LedgerKind.SAVING);
        refusedBy(fixture.given(ESTABLISHED)
                .when(new AssignProgrammeToCommittee(ID, ProgrammeId.of("notts-asc-column-b"), BY_CLERK, null)),
                Rule.PROGRAMME_MUST_EXIST);
    }
}
