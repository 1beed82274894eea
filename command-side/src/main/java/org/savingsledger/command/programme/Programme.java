package org.savingsledger.command.programme;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.serialization.Revision;
import org.savingsledger.command.rules.Amendments;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.SenderScope;
import org.axonframework.messaging.MetaData;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Total;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A transformation programme's own figures: its savings target, its period, the cost budget
 * approved and the cost drawn down. Its savings are aggregates of their own (see
 * docs/architecture.md): no rule needs them together at write time.
 *
 * <p>Instance command handlers return the aggregate's version after the command.
 *
 * <p>Revision 4 of its snapshots holds the approved budget and the cost drawn down (for
 * {@link MoneyLimit}), the same per funding source with the budget pending (for the rules on bids and corrections
 * per source), and the name, description, directorate and period (so that an amendment can tell whether it changes
 * them); Axon ignores a snapshot of another revision and replays the stream instead.
 *
 * <p>That a shortened period drops no year holding money of its savings is checked by the ledger directory, which
 * keeps each saving's money per year, in the transaction that records the change.
 */
@Revision("4")
@Aggregate(snapshotTriggerDefinition = "programmeSnapshotTrigger", cache = "programmeCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Programme {

    @AggregateIdentifier
    private ProgrammeId programmeId;
    private String name;
    private String description;
    private FinancialYear firstYear;
    private FinancialYear lastYear;
    private Money savingsTarget;
    /** Totals, not Money: the limit is a rule on commands, not on stored events, so a stream may hold more than Money's bound. */
    private Total budgetApproved;
    private Total costDrawnDown;
    private FundingBySource bySource;
    private String directorate;

    protected Programme() {
        // for Axon and Jackson
    }

    /** Ids are unique across kinds; the event store's unique key still guards the race of two creates at once. */
    @CommandHandler
    public Programme(LaunchProgramme command, NamedIds directory, MetaData metaData) {
        if (directory.isTaken(command.programmeId().value())) {
            throw new DuplicateIdentifier(command.programmeId().value());
        }
        directory.requireOrganisation(command.organisation());
        if (command.follows() != null) {
            Phases.requireOwnProgramme(command.follows(), command.organisation(), directory, SenderScope.of(metaData));
        }
        apply(new ProgrammeLaunched(command.programmeId(), command.organisation(), command.name(),
                command.description(), command.savingsTarget(), command.firstYear(), command.lastYear(),
                command.provenance(), command.follows(), command.directorate()));
    }

    /** Revising to the same figure is still recorded: the decision to keep a target is a fact. */
    @CommandHandler
    public Long handle(ReviseProgrammeTarget command) {
        apply(new ProgrammeTargetRevised(programmeId, savingsTarget, command.savingsTarget(), command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ApproveProgrammeBudget command) {
        if (command.pending()) {
            bySource.requireBid(command.amount());
        } else {
            MoneyLimit.require("the programme's approved budget", budgetApproved.plus(command.amount()));
        }
        apply(new ProgrammeBudgetApproved(programmeId, command.amount(), command.provenance(), command.source(),
                command.pending()));
        return AggregateLifecycle.getVersion();
    }

    /** A drawdown above the approved budget is recorded and shown, not refused: the money was spent. */
    @CommandHandler
    public Long handle(DrawDownProgrammeCost command) {
        MoneyLimit.require("the programme's cost drawn down", costDrawnDown.plus(command.amount()));
        apply(new ProgrammeCostDrawnDown(programmeId, command.amount(), command.provenance(), command.source()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(CorrectProgrammeBudget command) {
        Total after = budgetApproved.plus(command.amount());
        if (after.isNegative()) {
            throw new BusinessRuleViolation(Rule.APPROVED_BUDGET_NEVER_NEGATIVE, "a correction of " + command.amount()
                    + " would take the approved budget of " + budgetApproved + " below 0");
        }
        bySource.requireApprovedCorrection(command.source(), command.amount());
        if (command.amount().isPositive()) {
            MoneyLimit.require("the programme's approved budget", after);
        }
        apply(new ProgrammeBudgetCorrected(programmeId, command.amount(), command.provenance(), command.source()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(CorrectProgrammeCostDrawdown command) {
        Total after = costDrawnDown.plus(command.amount());
        if (after.isNegative()) {
            throw new BusinessRuleViolation(Rule.COST_DRAWN_DOWN_NEVER_NEGATIVE, "a correction of " + command.amount()
                    + " would take the cost drawn down of " + costDrawnDown + " below 0");
        }
        bySource.requireDrawnCorrection(command.source(), command.amount());
        if (command.amount().isPositive()) {
            MoneyLimit.require("the programme's cost drawn down", after);
        }
        apply(new ProgrammeCostDrawdownCorrected(programmeId, command.amount(), command.provenance(),
                command.source()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeProgrammeDetails command) {
        String what = "programme '" + programmeId + "'";
        Amendments.requireChanged(what, "name", command.name(), name);
        Amendments.requireChanged(what, "description", command.description(), description);
        Amendments.requireChanged(what, "directorate", command.directorate(), directorate);
        apply(new ProgrammeDetailsChanged(programmeId, command.name(), command.description(), command.provenance(),
                command.directorate()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ResolvePendingBudget command) {
        bySource.requireResolvable(command.source(), command.amount());
        if (command.decision() == BudgetDecision.APPROVED) {
            MoneyLimit.require("the programme's approved budget", budgetApproved.plus(command.amount()));
        }
        apply(new ProgrammePendingBudgetResolved(programmeId, command.source(), command.amount(), command.decision(),
                command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeProgrammePeriod command) {
        if (command.firstYear().equals(firstYear) && command.lastYear().equals(lastYear)) {
            throw new BusinessRuleViolation(Rule.AMENDMENT_CHANGES_EACH_FIELD, "programme '" + programmeId
                    + "' already runs from " + firstYear + " to " + lastYear);
        }
        apply(new ProgrammePeriodChanged(programmeId, firstYear, lastYear, command.firstYear(), command.lastYear(),
                command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgrammeLaunched event) {
        programmeId = event.programmeId();
        directorate = event.directorate();
        name = event.name();
        description = event.description();
        firstYear = event.firstYear();
        lastYear = event.lastYear();
        savingsTarget = event.savingsTarget();
        budgetApproved = Total.ZERO;
        costDrawnDown = Total.ZERO;
        bySource = new FundingBySource();
    }

    @EventSourcingHandler
    void on(ProgrammeTargetRevised event) {
        savingsTarget = event.savingsTarget();
    }

    @EventSourcingHandler
    void on(ProgrammeBudgetApproved event) {
        if (event.pending()) {
            bySource.bid(event.source(), event.amount());
        } else {
            budgetApproved = budgetApproved.plus(event.amount());
            bySource.approve(event.source(), event.amount());
        }
    }

    @EventSourcingHandler
    void on(ProgrammePendingBudgetResolved event) {
        boolean approved = event.decision() == BudgetDecision.APPROVED;
        if (approved) {
            budgetApproved = budgetApproved.plus(event.amount());
        }
        bySource.resolve(event.source(), event.amount(), approved);
    }

    @EventSourcingHandler
    void on(ProgrammeCostDrawnDown event) {
        costDrawnDown = costDrawnDown.plus(event.amount());
        bySource.draw(event.source(), event.amount());
    }

    @EventSourcingHandler
    void on(ProgrammeBudgetCorrected event) {
        budgetApproved = budgetApproved.plus(event.amount());
        bySource.approve(event.source(), event.amount());
    }

    @EventSourcingHandler
    void on(ProgrammeCostDrawdownCorrected event) {
        costDrawnDown = costDrawnDown.plus(event.amount());
        bySource.draw(event.source(), event.amount());
    }

    @EventSourcingHandler
    void on(ProgrammeDetailsChanged event) {
        if (event.name() != null) {
            name = event.name();
        }
        if (event.description() != null) {
            description = event.description();
        }
        if (event.directorate() != null) {
            directorate = event.directorate();
        }
    }

    @EventSourcingHandler
    void on(ProgrammePeriodChanged event) {
        firstYear = event.firstYear();
        lastYear = event.lastYear();
    }
}
