package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.LedgerCommand;
import org.savingsledger.command.rules.CommandTarget;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Launch a transformation programme with a savings target over a period of financial years; optionally as a phase
 * that {@code follows} an earlier programme of the organisation, and in a {@code directorate}. {@code organisation}
 * names a registered organisation's id, in any case: it is recorded lower-cased, as the id.
 */
public record LaunchProgramme(@TargetAggregateIdentifier ProgrammeId programmeId, String organisation, String name, String description,
                              Money savingsTarget, FinancialYear firstYear, FinancialYear lastYear,
                              Provenance provenance, ProgrammeId follows, String directorate) implements LedgerCommand {

    public LaunchProgramme {
        InvalidCommand.required("id", programmeId);
        organisation = InvalidCommand.text("organisation", organisation, 200).toLowerCase(Locale.ROOT);
        name = InvalidCommand.text("name", name, 200);
        description = InvalidCommand.optionalText("description", description, 2000);
        InvalidCommand.notNegative("savingsTarget", savingsTarget);
        InvalidCommand.required("firstYear", firstYear);
        InvalidCommand.required("lastYear", lastYear);
        if (lastYear.isBefore(firstYear)) {
            throw new InvalidCommand("lastYear", "must not be before firstYear " + firstYear);
        }
        InvalidCommand.required("provenance", provenance);
        directorate = InvalidCommand.optionalText("directorate", directorate, 200);
    }

    /** A launch that follows no programme and names no directorate. */
    public LaunchProgramme(ProgrammeId programmeId, String organisation, String name, String description,
                           Money savingsTarget, FinancialYear firstYear, FinancialYear lastYear, Provenance provenance) {
        this(programmeId, organisation, name, description, savingsTarget, firstYear, lastYear, provenance, null, null);
    }

    @Override
    public CommandTarget target() {
        List<String> named = new ArrayList<>(List.of(organisation));
        if (follows != null) {
            named.add(follows.value());
        }
        return CommandTarget.createdIn(LedgerKind.PROGRAMME, programmeId.value(), organisation).alsoNaming(named);
    }
}
