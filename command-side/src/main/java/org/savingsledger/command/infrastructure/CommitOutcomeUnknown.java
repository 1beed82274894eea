package org.savingsledger.command.infrastructure;

/**
 * A command failed at or after the commit of its transaction (the commit itself failed, or the
 * connection was lost while committing): the database may or may not hold its events. Never
 * answered as "nothing was written", and never sent again by {@link ConflictRetries}.
 */
public class CommitOutcomeUnknown extends RuntimeException {

    public CommitOutcomeUnknown(Throwable cause) {
        super("the command failed while its transaction was being committed: it may or may not have been recorded", cause);
    }
}
