package org.savingsledger.command.saving;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.NamedIds;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.MoneyLimit;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One savings line: planned savings per year, delivered savings per year, stage, confidence,
 * RAG, and whether it was withdrawn. Every money rule of the contract is about one saving, so
 * each is checked here without touching any other aggregate; the programme's period comes from
 * the {@link NamedIds} (the ledger directory as read once for the command).
 *
 * <p>Planned and delivered money per year are {@link Total}s, not bounded {@link Money}: the limit is a
 * rule on commands ({@link MoneyLimit}), not on stored events, so a stream holding more than Money's
 * bound in all must still load (and a command that would add more is refused). Their JSON in a snapshot
 * is that of a {@link SavingsProfile} ({@link YearlyFigures}).
 *
 * <p>Instance command handlers return the aggregate's version after the command.
 *
 * <p>Revision 2 of its snapshots also holds its {@link SavingDetails} (so that an amendment can tell whether it
 * changes them); Axon ignores a snapshot of another revision and replays the stream instead.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "savingSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Saving {

    @AggregateIdentifier
    private SavingId savingId;
    private ProgrammeId programmeId;
    private SavingDetails details;
    private SortedMap<FinancialYear, Total> planned;
    private SortedMap<FinancialYear, Total> delivered;
    private Stage stage;
    private Confidence confidence;
    private Rag rag;
    private boolean withdrawn;

    protected Saving() {
        // for Axon and Jackson
    }

    @CommandHandler
    public Saving(ProposeSaving command, NamedIds directory) {
        if (directory.isTaken(command.savingId().value())) {
            throw new DuplicateIdentifier(command.savingId().value());
        }
        // the programme id comes from the request path: an unknown one is a 404, not a rule
        ProgrammeEntry programme = directory.programme(command.programmeId())
                .orElseThrow(() -> new UnknownIdentifier(LedgerKind.PROGRAMME, command.programmeId().value()));
        programme.requireCovers(command.profile().amounts().keySet());
        YearlyFigures.requirePlannedWithinLimit(command.profile());
        apply(new SavingProposed(command.savingId(), command.programmeId(), command.title(), command.workstream(),
                command.owner(), command.confidence(), command.stage(), command.profile(), command.provenance()));
    }

    /** Planned below what was delivered is allowed: over-delivery is shown, not refused. */
    @CommandHandler
    public Long handle(ReviseSavingProfile command, NamedIds directory) {
        requireOpen();
        programme(directory).requireCovers(command.profile().amounts().keySet());
        YearlyFigures.requirePlannedWithinLimit(command.profile());
        apply(new SavingProfileRevised(savingId, programmeId, YearlyFigures.asProfile(planned), command.profile(),
                command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(SlipSavingToYear command, NamedIds directory) {
        requireMovable(command.fromYear(), command.toYear(), command.amount(), "slip", directory);
        apply(new SavingSlippedToYear(savingId, programmeId, command.fromYear(), command.toYear(), command.amount(),
                command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(BringSavingForward command, NamedIds directory) {
        requireMovable(command.fromYear(), command.toYear(), command.amount(), "bring forward", directory);
        apply(new SavingBroughtForward(savingId, programmeId, command.fromYear(), command.toYear(), command.amount(),
                command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(RecordSavingDelivered command, NamedIds directory) {
        requireOpen();
        programme(directory).requireCovers(List.of(command.year()));
        YearlyFigures.requireDeliveredWithinLimit(delivered, command.year(), command.amount());
        apply(new SavingDeliveryRecorded(savingId, programmeId, command.year(), command.amount(), command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(CorrectSavingDelivery command, NamedIds directory) {
        requireOpen();
        programme(directory).requireCovers(List.of(command.year()));
        YearlyFigures.requireCorrectable(delivered, command.year(), command.amount());
        if (command.amount().isPositive()) {
            YearlyFigures.requireDeliveredWithinLimit(delivered, command.year(), command.amount());
        }
        apply(new SavingDeliveryCorrected(savingId, programmeId, command.year(), command.amount(), command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeSavingStage command) {
        requireOpen();
        if (command.stage() != stage) {
            apply(new SavingStageChanged(savingId, programmeId, stage, command.stage(), command.provenance()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeSavingConfidence command) {
        requireOpen();
        if (command.confidence() != confidence) {
            apply(new SavingConfidenceChanged(savingId, programmeId, confidence, command.confidence(),
                    command.provenance()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeSavingRag command) {
        requireOpen();
        if (command.status() != rag) {
            apply(new SavingRagChanged(savingId, programmeId, rag, command.status(), command.provenance()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(WithdrawSaving command) {
        requireOpen();
        apply(new SavingWithdrawn(savingId, programmeId, command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeSavingDetails command) {
        requireOpen();
        details.requireChangedBy(command);
        apply(new SavingDetailsChanged(savingId, programmeId, command.title(), command.workstream(), command.owner(),
                command.description(), command.provenance()));
        return AggregateLifecycle.getVersion();
    }

    private void requireOpen() {
        if (withdrawn) {
            throw new BusinessRuleViolation(Rule.WITHDRAWN_SAVING_IS_CLOSED,
                    "saving '" + savingId + "' was withdrawn; its history is kept but it cannot change");
        }
    }

    private void requireMovable(FinancialYear from, FinancialYear to, Money amount, String move, NamedIds directory) {
        requireOpen();
        programme(directory).requireCovers(List.of(from, to));
        YearlyFigures.requireMovable(planned, delivered, from, to, amount, move);
    }

    private ProgrammeEntry programme(NamedIds directory) {
        return directory.programme(programmeId).orElseThrow(() -> new IllegalStateException(
                "the ledger directory has no entry for programme " + programmeId + " of saving " + savingId));
    }

    @EventSourcingHandler
    void on(SavingProposed event) {
        savingId = event.savingId();
        programmeId = event.programmeId();
        details = SavingDetails.of(event);
        planned = YearlyFigures.of(event.profile());
        delivered = new TreeMap<>();
        stage = event.stage();
        confidence = event.confidence();
    }

    @EventSourcingHandler
    void on(SavingProfileRevised event) {
        planned = YearlyFigures.of(event.profile());
    }

    @EventSourcingHandler
    void on(SavingSlippedToYear event) {
        YearlyFigures.move(planned, event.fromYear(), event.toYear(), event.amount());
    }

    @EventSourcingHandler
    void on(SavingBroughtForward event) {
        YearlyFigures.move(planned, event.fromYear(), event.toYear(), event.amount());
    }

    @EventSourcingHandler
    void on(SavingDeliveryRecorded event) {
        YearlyFigures.add(delivered, event.year(), Total.of(event.amount()));
    }

    @EventSourcingHandler
    void on(SavingDeliveryCorrected event) {
        YearlyFigures.add(delivered, event.year(), Total.of(event.amount()));
    }

    @EventSourcingHandler
    void on(SavingStageChanged event) {
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(SavingConfidenceChanged event) {
        confidence = event.confidence();
    }

    @EventSourcingHandler
    void on(SavingRagChanged event) {
        rag = event.status();
    }

    @EventSourcingHandler
    void on(SavingWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(SavingDetailsChanged event) {
        details = details.after(event);
    }
}
