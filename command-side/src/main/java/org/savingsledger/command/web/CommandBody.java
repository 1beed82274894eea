package org.savingsledger.command.web;

import org.savingsledger.command.rules.InvalidCommand;

import java.time.LocalDate;

/**
 * The fields every command body may carry besides its own (see the contract's conventions).
 * Each request record declares them as components, with their size limits, and so implements this.
 */
public interface CommandBody {

    String reason();

    LocalDate effectiveDate();

    String decisionRef();

    Long expectedVersion();

    /**
     * On a command that creates something, {@code expectedVersion} could only be ignored: nothing the
     * client can have seen has a version yet. Every field a command accepts has an effect or is
     * refused, so it is refused.
     */
    default void refuseExpectedVersionOfWhatIsNew() {
        if (expectedVersion() != null) {
            throw new InvalidCommand("expectedVersion", "what this command creates has no version yet: leave "
                    + "expectedVersion out");
        }
    }
}
