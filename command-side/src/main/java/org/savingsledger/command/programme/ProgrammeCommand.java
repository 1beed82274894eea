package org.savingsledger.command.programme;

import org.savingsledger.shared.ProgrammeId;

/**
 * A command to an existing programme. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a programme's (ids share one namespace across kinds).
 */
public interface ProgrammeCommand {

    ProgrammeId programmeId();

    Long expectedVersion();
}
