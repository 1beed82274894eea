package org.savingsledger.command.committee;

import org.savingsledger.shared.CommitteeId;

/**
 * A command to an existing committee. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not a committee's (ids share one namespace across kinds).
 */
public interface CommitteeCommand {

    CommitteeId committeeId();

    Long expectedVersion();
}
