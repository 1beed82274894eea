package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.Committee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.Saving;
import org.savingsledger.command.security.OrganisationAccess;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.savingsledger.web.access.Organisations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each command reads the ledger directory once, for every id it names, however many checks answer from
 * that read: the organisation check as it is sent, the target check before its aggregate loads, and the
 * aggregate's rules (the programme's period, a programme's organisation, an id in use). Runs the real
 * interceptors and aggregates on Axon's in-memory event store, with a directory that counts its reads.
 */
class DirectoryReadsTest {

    private static final Provenance BY_EDITOR = new Provenance("editor", "weekly review", LocalDate.of(2024, 6, 1), null);
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final ProgrammeId THEIRS = ProgrammeId.of("leics-transformation");

    /** The ids each read asked for, one list per read. */
    private final List<List<String>> reads = new ArrayList<>();
    private final Map<String, DirectoryEntry> rows = new HashMap<>();
    private final LedgerDirectory directory = new LedgerDirectory() {
        @Override
        public Map<String, DirectoryEntry> entries(Collection<String> ids) {
            reads.add(List.copyOf(ids));
            Map<String, DirectoryEntry> found = new HashMap<>();
            ids.stream().filter(rows::containsKey).forEach(id -> found.put(id, rows.get(id)));
            return found;
        }
    };
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        rows.put("nottinghamshire", new DirectoryEntry("nottinghamshire", LedgerKind.ORGANISATION, "nottinghamshire", null));
        programme(PROGRAMME, "nottinghamshire");
        programme(THEIRS, "leicestershire");
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .registerComponent(ParameterResolverFactory.class, configuration -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Saving.class),
                        new SimpleResourceParameterResolverFactory(Set.of(new CurrentCommandIds()))))
                .configureAggregate(Saving.class)
                .configureAggregate(Committee.class)
                .buildConfiguration();
        axon.start();
        new CommandLookup(directory, new OrganisationAccess()).register(axon.commandBus());
        axon.commandBus().registerHandlerInterceptor(new CommandTargetCheck());
        commands = axon.commandGateway();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor",
                null, List.of(new SimpleGrantedAuthority(Organisations.authority("nottinghamshire")))));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        axon.shutdown();
    }

    @Test
    void proposingASavingReadsItsIdAndItsProgrammeOnce() {
        commands.sendAndWait(propose("column-b"));

        assertThat(reads).containsExactly(List.of("column-b", PROGRAMME.value()));
    }

    @Test
    void revisingASavingReadsOnceForTheTargetCheckTheOrganisationCheckAndTheProgrammesPeriod() {
        commands.sendAndWait(propose("column-b"));
        saving("column-b", PROGRAMME);
        reads.clear();

        Object version = commands.sendAndWait(new ReviseSavingProfile(SavingId.of("column-b"), profile("2019/20"), BY_EDITOR, null));

        assertThat(version).isEqualTo(1L);
        assertThat(reads).containsExactly(List.of("column-b"));
    }

    @Test
    void aRuleOfTheAggregateAnswersFromTheSameRead() {
        commands.sendAndWait(propose("column-b"));
        saving("column-b", PROGRAMME);
        reads.clear();

        assertThatThrownBy(() -> commands.sendAndWait(new ReviseSavingProfile(SavingId.of("column-b"), profile("2030/31"),
                BY_EDITOR, null))).isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("outside programme");
        assertThat(reads).hasSize(1);
    }

    @Test
    void aSavingIsReadAgainForItsProgrammesPeriodAndAnIdNotFoundIsToo() {
        commands.sendAndWait(propose("column-b"));
        saving("column-b", PROGRAMME);
        commands.sendAndWait(new ReviseSavingProfile(SavingId.of("column-b"), profile("2019/20"), BY_EDITOR, null));
        reads.clear();

        commands.sendAndWait(new ReviseSavingProfile(SavingId.of("column-b"), profile("2020/21"), BY_EDITOR, null));
        assertThatThrownBy(() -> commands.sendAndWait(new ReviseSavingProfile(SavingId.of("no-such-saving"),
                profile("2020/21"), BY_EDITOR, null))).isInstanceOf(UnknownIdentifier.class);

        assertThat(reads).containsExactly(List.of("column-b"), List.of("no-such-saving"));
    }

    /** A committee found is not read again (nothing in it changes); a programme is, for its period. */
    @Test
    void presentingAReportReadsTheReportsIdAndEveryProgrammeNamedOnceButNotTheCommitteeAgain() {
        CommitteeId committee = CommitteeId.of("asc-committee");
        commands.sendAndWait(new EstablishCommittee(committee, "nottinghamshire", "ASC&PH Committee", BY_EDITOR));
        rows.put(committee.value(), new DirectoryEntry(committee.value(), LedgerKind.COMMITTEE, "nottinghamshire", null));
        commands.sendAndWait(new AssignProgrammeToCommittee(committee, PROGRAMME, BY_EDITOR, null));
        reads.clear();

        commands.sendAndWait(new PresentPositionReport(committee, ReportId.of("report-1"), LocalDate.of(2024, 6, 1),
                "Savings position", List.of(PROGRAMME), Instant.parse("2024-06-01T10:00:00Z"), null, BY_EDITOR, null));
        assertThatThrownBy(() -> commands.sendAndWait(new AssignProgrammeToCommittee(committee, THEIRS, BY_EDITOR, null)))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("there is no programme");

        assertThat(reads).containsExactly(List.of("report-1", PROGRAMME.value()), List.of(THEIRS.value()));
    }

    private void programme(ProgrammeId id, String organisation) {
        rows.put(id.value(), new DirectoryEntry(id.value(), LedgerKind.PROGRAMME, organisation, new ProgrammeEntry(id,
                organisation, FinancialYear.parse("2018/19"), FinancialYear.parse("2021/22"))));
    }

    private void saving(String id, ProgrammeId programme) {
        DirectoryEntry of = rows.get(programme.value());
        rows.put(id, new DirectoryEntry(id, LedgerKind.SAVING, of.organisation(), of.programme()));
    }

    private static ProposeSaving propose(String id) {
        return new ProposeSaving(SavingId.of(id), PROGRAMME, "Column B", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, profile("2018/19"), BY_EDITOR);
    }

    private static SavingsProfile profile(String year) {
        return SavingsProfile.of(Map.of(FinancialYear.parse(year), Money.pounds(1_000)));
    }
}
