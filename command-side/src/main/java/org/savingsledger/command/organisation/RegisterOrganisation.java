package org.savingsledger.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.Provenance;

import java.util.regex.Pattern;

/**
 * Register an organisation (a council) under the id programmes, committees, grants and filters name it by.
 * {@code gssCode}, optional, is its ONS GSS code: one capital letter and eight digits ({@code E10000024}).
 */
public record RegisterOrganisation(@TargetAggregateIdentifier OrganisationId organisationId, String name, String gssCode,
                                   Provenance provenance) implements LedgerCommand {

    private static final Pattern GSS_CODE = Pattern.compile("^[A-Z][0-9]{8}$");

    public RegisterOrganisation {
        InvalidCommand.required("id", organisationId);
        name = InvalidCommand.text("name", name, 200);
        gssCode = InvalidCommand.optionalText("gssCode", gssCode, 9);
        if (gssCode != null && !GSS_CODE.matcher(gssCode).matches()) {
            throw new InvalidCommand("gssCode", "must be an ONS GSS code: one capital letter and 8 digits, like E10000024");
        }
        InvalidCommand.required("provenance", provenance);
    }

    /** An organisation is its own organisation: only a user who may act for it (the administrator) registers it. */
    @Override
    public CommandTarget target() {
        return CommandTarget.createdIn(LedgerKind.ORGANISATION, organisationId.value(), organisationId.value());
    }
}
