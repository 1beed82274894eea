package org.savingsledger.command.web;

/**
 * The body of every successful command response.
 *
 * @param id               what the command created (programme, saving, committee, report) or else the aggregate it changed
 * @param version          the changed aggregate's sequence number after the command
 * @param consistencyToken pass it to a query as {@code consistencyToken} to read this command's effect
 */
public record CommandResult(String id, long version, String consistencyToken) {
}
