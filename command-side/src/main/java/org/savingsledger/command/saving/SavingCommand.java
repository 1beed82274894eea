package org.savingsledger.command.saving;

import org.savingsledger.shared.SavingId;

/**
 * A command to an existing saving. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a saving's (ids share one namespace across kinds).
 */
public interface SavingCommand {

    SavingId savingId();

    Long expectedVersion();
}
