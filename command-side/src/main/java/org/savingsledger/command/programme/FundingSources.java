package org.savingsledger.command.programme;

import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.FundingSource;

/** The funding source a budget or drawdown command names: optional text; the key of "none" cannot be named. */
final class FundingSources {

    private FundingSources() {
    }

    /** The source given, trimmed; null when none was given. */
    static String given(String source) {
        String given = InvalidCommand.optionalText("source", source, 200);
        if (FundingSource.NOT_SET.equals(given)) {
            throw new InvalidCommand("source", "must not be " + FundingSource.NOT_SET
                    + ", the key of money with no source: leave source out instead");
        }
        return given;
    }
}
