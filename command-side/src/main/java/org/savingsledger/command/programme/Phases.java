package org.savingsledger.command.programme;

import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.web.access.OrganisationScope;

/** The rule on a programme that follows another as its next phase. */
final class Phases {

    private Phases() {
    }

    /**
     * {@link Rule#FOLLOWS_OWN_PROGRAMME}. A programme of an organisation the sender may not see is answered exactly
     * as one that does not exist, so a body cannot probe another organisation's ids.
     */
    static void requireOwnProgramme(ProgrammeId follows, String organisation, NamedIds directory,
                                    OrganisationScope sender) {
        ProgrammeEntry earlier = directory.programme(follows)
                .filter(found -> found.organisation().equals(organisation) || sender.includes(found.organisation()))
                .orElseThrow(() -> new BusinessRuleViolation(Rule.FOLLOWS_OWN_PROGRAMME,
                        "there is no programme '" + follows + "'"));
        if (!earlier.organisation().equals(organisation)) {
            throw new BusinessRuleViolation(Rule.FOLLOWS_OWN_PROGRAMME, "programme '" + follows + "' belongs to "
                    + earlier.organisation() + ", this one to " + organisation);
        }
    }
}
