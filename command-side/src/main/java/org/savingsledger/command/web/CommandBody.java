package org.savingsledger.command.web;

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
}
