package org.savingsledger.command.imports;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.command.infrastructure.ConsistencyTokens;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs an import: reads the tracker, works out its commands against the ledger as it stands and, unless
 * it is a dry run or anything is wrong, sends them one after another. Nothing is sent until the whole
 * file has been checked. Should a command still be refused (someone changed a saving meanwhile), the
 * import stops there and says exactly which commands were written; running it again sends only what
 * still differs, so it completes the import rather than repeating it.
 */
@Component
public class TrackerImports {

    /** Correcting a delivery downwards is a finance officer's act in the API, so it is in an import too. */
    private static final String FINANCE = "ROLE_FINANCE";

    private final ImportLedger ledger;
    private final CommandGateway commands;
    private final ConsistencyTokens tokens;

    TrackerImports(ImportLedger ledger, CommandGateway commands, ConsistencyTokens tokens) {
        this.ledger = ledger;
        this.commands = commands;
        this.tokens = tokens;
    }

    /**
     * @param roles the sender's roles including those its roles imply ({@code ROLE_…})
     * @throws TrackerRefused when the file cannot be read at all
     * @throws ImportStopped when a command was refused after others were written
     */
    public ImportResult run(String fileName, byte[] file, TrackerMapping mapping, String organisation, boolean dryRun,
                            String actor, Set<String> roles) {
        Tracker tracker = TrackerReader.read(fileName, file, mapping);
        ImportPlan plan = withRoles(ImportPlanner.plan(tracker, organisation, actor, ledger), roles);
        if (dryRun) {
            return new ImportResult(tracker, ImportReport.of(plan, true, plan.canCommit() ? "CHECKED" : "HAS_PROBLEMS", null));
        }
        if (!plan.canCommit()) {
            throw new ImportRefused(ImportReport.of(plan, false, "HAS_PROBLEMS", null));
        }
        if (plan.commands().isEmpty()) {
            return new ImportResult(tracker, ImportReport.of(plan, false, "NOTHING_TO_WRITE", null));
        }
        List<PlannedCommand> written = new ArrayList<>();
        String token = null;
        for (PlannedCommand command : plan.commands()) {
            try {
                Object result = commands.sendAndWait(command.command());
                long version = result instanceof Number number ? number.longValue() : 0L;
                token = tokens.tokenFor(command.savingId(), version);
                written.add(command);
            } catch (RuntimeException refused) {
                throw new ImportStopped(plan, written, command, refused);
            }
        }
        return new ImportResult(tracker, ImportReport.of(plan, false, "WRITTEN", token));
    }

    private static ImportPlan withRoles(ImportPlan plan, Set<String> roles) {
        if (roles.contains(FINANCE)) {
            return plan;
        }
        List<TrackerProblem> problems = new ArrayList<>(plan.problems());
        plan.commands().stream().filter(c -> c.command() instanceof CorrectSavingDelivery).forEach(c -> problems.add(
                new TrackerProblem(null, "row " + c.row() + " would " + c.summary() + ": correcting a delivery needs the "
                        + "FINANCE role; ask a finance officer to import this tracker")));
        return new ImportPlan(plan.tracker(), plan.commands(), List.copyOf(problems));
    }
}
