package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.http.LedgerHttpTest;
import org.savingsledger.command.infrastructure.LedgerCommandBus.LatestEvent;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's insert itself tells the command the global index of its last event: the unit of
 * work holds it once the append has run, so the token needs no query. A command that appends nothing
 * has no such index (its token is then its aggregate's current event, read once).
 */
@LedgerHttpTest
class IndexedAppendTest {

    private static final Provenance BY_EDITOR = new Provenance("editor", "tokens", LocalDate.of(2024, 6, 1), null);

    @Autowired
    CommandGateway commands;

    @Autowired
    CommandBus commandBus;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAppendGivesTheGlobalIndexOfTheCommandsLastEvent() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ProgrammeId programme = ProgrammeId.of("indexed-" + suffix);
        SavingId saving = SavingId.of("indexed-saving-" + suffix);
        try {
            commands.sendAndWait(new RegisterOrganisation(OrganisationId.of("nottinghamshire"), "Nottinghamshire", null,
                    BY_EDITOR));
        } catch (DuplicateIdentifier registeredByAnotherTest) {
            // tests share the context: whichever runs first registers it
        }
        commands.sendAndWait(new LaunchProgramme(programme, "nottinghamshire", "Indexed", null, Money.pounds(1000),
                FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), BY_EDITOR));
        commands.sendAndWait(new ProposeSaving(saving, programme, "Indexed", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, SavingsProfile.of(Map.of(FinancialYear.parse("2018/19"), Money.pounds(100))), BY_EDITOR));
        List<Optional<LatestEvent>> appended = new CopyOnWriteArrayList<>();
        Registration watching = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.afterCommit(u -> appended.add(IndexedAppend.appendedBy(u, saving.value())));
            return chain.proceed();
        });
        try {
            commands.sendAndWait(new SlipSavingToYear(saving, FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"),
                    Money.pounds(1), BY_EDITOR, null));
            commands.sendAndWait(new ChangeSavingRag(saving, Rag.AMBER, BY_EDITOR, null));
            commands.sendAndWait(new ChangeSavingRag(saving, Rag.AMBER, BY_EDITOR, null));
        } finally {
            watching.cancel();
        }

        assertThat(appended).containsExactly(
                Optional.of(new LatestEvent(saving.value(), 1, globalIndexOf(saving.value(), 1))),
                Optional.of(new LatestEvent(saving.value(), 2, globalIndexOf(saving.value(), 2))),
                Optional.empty());
    }

    private long globalIndexOf(String aggregateId, long sequenceNumber) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", Long.class, aggregateId, sequenceNumber);
    }
}
