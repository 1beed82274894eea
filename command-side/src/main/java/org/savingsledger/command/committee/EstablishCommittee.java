package org.savingsledger.command.committee;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;

import java.util.List;
import java.util.Locale;

/** Establish a committee within a registered organisation, named by its id in any case (recorded lower-cased). */
public record EstablishCommittee(@TargetAggregateIdentifier CommitteeId committeeId, String organisation, String name,
                                 Provenance provenance) implements LedgerCommand {

    public EstablishCommittee {
        InvalidCommand.required("id", committeeId);
        organisation = InvalidCommand.text("organisation", organisation, 200).toLowerCase(Locale.ROOT);
        name = InvalidCommand.text("name", name, 200);
        InvalidCommand.required("provenance", provenance);
    }

    @Override
    public CommandTarget target() {
        return CommandTarget.createdIn(LedgerKind.COMMITTEE, committeeId.value(), organisation)
                .alsoNaming(List.of(organisation));
    }
}
