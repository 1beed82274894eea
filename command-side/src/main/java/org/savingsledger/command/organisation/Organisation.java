package org.savingsledger.command.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.shared.OrganisationId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation (a council) that programmes and committees belong to. It has no commands of its own yet:
 * it exists so that a programme or committee names a registered organisation, not free text.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Organisation {

    @AggregateIdentifier
    private OrganisationId organisationId;

    protected Organisation() {
        // for Axon and Jackson
    }

    /** Ids are unique across kinds; the event store's unique key still guards the race of two registrations at once. */
    @CommandHandler
    public Organisation(RegisterOrganisation command, NamedIds directory) {
        if (directory.isTaken(command.organisationId().value())) {
            throw new DuplicateIdentifier(command.organisationId().value());
        }
        apply(new OrganisationRegistered(command.organisationId(), command.name(), command.gssCode(),
                command.provenance()));
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
    }
}
