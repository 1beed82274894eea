package org.savingsledger.command.imports;

import java.util.List;

/**
 * A commit that stopped at a refused command after others were written: says which were written, which
 * was refused and why (the cause), and which were not sent.
 */
public final class ImportStopped extends RuntimeException {

    private final transient ImportPlan plan;
    private final transient List<PlannedCommand> written;
    private final transient PlannedCommand refused;

    ImportStopped(ImportPlan plan, List<PlannedCommand> written, PlannedCommand refused, RuntimeException cause) {
        super("import stopped at row " + refused.row() + " (" + refused.summary() + ") after " + written.size()
                + " command(s) were written", cause, false, false);
        this.plan = plan;
        this.written = List.copyOf(written);
        this.refused = refused;
    }

    public ImportPlan plan() {
        return plan;
    }

    public List<PlannedCommand> written() {
        return written;
    }

    public PlannedCommand refused() {
        return refused;
    }

    public List<PlannedCommand> notSent() {
        return plan.commands().subList(written.size() + 1, plan.commands().size());
    }
}
