package org.savingsledger.command.committee;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.SenderScope;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.ReportId;
import org.savingsledger.web.access.OrganisationScope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A committee of one organisation: the programmes it oversees and the position reports presented
 * to it. Programmes are other aggregates; their existence and organisation come from the
 * {@link NamedIds} (the ledger directory as read once for the command).
 *
 * <p>Instance command handlers return the aggregate's version after the command.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Committee {

    @AggregateIdentifier
    private CommitteeId committeeId;
    private String organisation;
    private List<ProgrammeId> programmes = new ArrayList<>();
    private Set<ReportId> reports = new LinkedHashSet<>();

    protected Committee() {
        // for Axon and Jackson
    }

    /** Ids are unique across kinds; the event store's unique key still guards the race of two creates at once. */
    @CommandHandler
    public Committee(EstablishCommittee command, NamedIds directory) {
        if (directory.isTaken(command.committeeId().value())) {
            throw new DuplicateIdentifier(command.committeeId().value());
        }
        directory.requireOrganisation(command.organisation());
        apply(new CommitteeEstablished(command.committeeId(), command.organisation(), command.name(),
                command.provenance()));
    }

    /** Assigning a programme the committee already oversees changes nothing. */
    @CommandHandler
    public Long handle(AssignProgrammeToCommittee command, NamedIds directory, MetaData metaData) {
        requireOwnProgramme(command.programmeId(), directory, SenderScope.of(metaData));
        if (!programmes.contains(command.programmeId())) {
            apply(new ProgrammeAssignedToCommittee(committeeId, command.programmeId(), command.provenance()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(PresentPositionReport command, NamedIds directory, MetaData metaData) {
        if (reports.contains(command.reportId()) || directory.isTaken(command.reportId().value())) {
            throw new DuplicateIdentifier(command.reportId().value());
        }
        List<ProgrammeId> reported = command.programmeIds() == null ? List.copyOf(programmes) : command.programmeIds();
        OrganisationScope sender = SenderScope.of(metaData);
        if (command.programmeIds() != null) {
            // by default its own programmes, checked as they were assigned: an organisation never changes
            command.programmeIds().forEach(programme -> requireOwnProgramme(programme, directory, sender));
        }
        apply(new PositionReportPresented(committeeId, command.reportId(), command.meetingDate(), command.title(),
                reported, command.presentedAt(), command.figuresEffectiveOn(), command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A programme of an organisation the sender may not see is answered exactly as one that does not
     * exist (same rule, same words), so a body cannot be used to probe another organisation's ids; a
     * sender who may see it (the administrator) is told it belongs to another organisation.
     */
    private void requireOwnProgramme(ProgrammeId programmeId, NamedIds directory, OrganisationScope sender) {
        ProgrammeEntry programme = directory.programme(programmeId)
                .filter(found -> found.organisation().equals(organisation) || sender.includes(found.organisation()))
                .orElseThrow(() -> new BusinessRuleViolation(Rule.PROGRAMME_MUST_EXIST,
                        "there is no programme '" + programmeId + "'"));
        if (!programme.organisation().equals(organisation)) {
            throw new BusinessRuleViolation(Rule.SAME_ORGANISATION, "programme '" + programmeId + "' belongs to "
                    + programme.organisation() + ", the committee to " + organisation);
        }
    }

    @EventSourcingHandler
    void on(CommitteeEstablished event) {
        committeeId = event.committeeId();
        organisation = event.organisation();
    }

    @EventSourcingHandler
    void on(ProgrammeAssignedToCommittee event) {
        programmes.add(event.programmeId());
    }

    @EventSourcingHandler
    void on(PositionReportPresented event) {
        reports.add(event.reportId());
    }
}
