package org.savingsledger.command.saving;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
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
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingEvent;
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
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One savings line: planned savings per year, delivered savings per year, stage, confidence,
 * RAG, and whether it was withdrawn. Every money rule of the contract is about one saving, so
 * each is checked here without touching any other aggregate; the programme's period comes from
 * the {@link NamedIds} (the ledger directory as read once for the command).
 *
 * <p>Its money ({@link YearlyFigures}), category and recurrence ({@link Classification}) and posts
 * ({@link PostsFigures}) are members that follow their own events. Planned and delivered money per year
 * are {@link Total}s, not bounded {@link Money}: the limit is a rule on commands ({@link MoneyLimit}), not
 * on stored events, so a stream holding more than Money's bound in all must still load (and a command that
 * would add more is refused).
 *
 * <p>Instance command handlers return the aggregate's version after the command. The class is longer
 * than most: each handler is one rule of the contract about a saving, kept beside the state it checks.
 *
 * <p>Revision 2 of its snapshots also holds its {@link SavingDetails} (so that an amendment can tell whether it
 * changes them); Axon ignores a snapshot of another revision and replays the stream instead.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "savingSnapshotTrigger", cache = "savingCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Saving {

    @AggregateIdentifier
    private SavingId savingId;
    private ProgrammeId programmeId;
    private SavingDetails details;
    @AggregateMember
    @JsonUnwrapped
    private YearlyFigures money = new YearlyFigures();
    private Stage stage;
    private Confidence confidence;
    private Rag rag;
    private boolean withdrawn;
    @AggregateMember
    private Classification classification = new Classification();
    @AggregateMember
    private PostsFigures posts = new PostsFigures();

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
        programme.requireCovers(command.posts().posts().keySet());
        YearlyFigures.requirePlannedWithinLimit(command.profile());
        apply(new SavingProposed(command.savingId(), command.programmeId(), command.title(), command.workstream(),
                command.owner(), command.confidence(), command.stage(), command.profile(), command.provenance(),
                command.recurrence(), command.category(), command.posts()));
    }

    /** Planned below what was delivered is allowed: over-delivery is shown, not refused. */
    @CommandHandler
    public Long handle(ReviseSavingProfile command, NamedIds directory) {
        requireOpenWithin(directory, command.profile().amounts().keySet());
        YearlyFigures.requirePlannedWithinLimit(command.profile());
        return applied(new SavingProfileRevised(savingId, programmeId, money.plannedProfile(), command.profile(),
                command.provenance()));
    }

    @CommandHandler
    public Long handle(SlipSavingToYear command, NamedIds directory) {
        requireMovable(command.fromYear(), command.toYear(), command.amount(), "slip", directory);
        return applied(new SavingSlippedToYear(savingId, programmeId, command.fromYear(), command.toYear(),
                command.amount(), command.provenance()));
    }

    @CommandHandler
    public Long handle(BringSavingForward command, NamedIds directory) {
        requireMovable(command.fromYear(), command.toYear(), command.amount(), "bring forward", directory);
        return applied(new SavingBroughtForward(savingId, programmeId, command.fromYear(), command.toYear(),
                command.amount(), command.provenance()));
    }

    @CommandHandler
    public Long handle(RecordSavingDelivered command, NamedIds directory) {
        requireOpenWithin(directory, List.of(command.year()));
        money.requireDeliveredWithinLimit(command.year(), command.amount());
        return applied(new SavingDeliveryRecorded(savingId, programmeId, command.year(), command.amount(),
                command.provenance()));
    }

    @CommandHandler
    public Long handle(CorrectSavingDelivery command, NamedIds directory) {
        requireOpenWithin(directory, List.of(command.year()));
        money.requireCorrectable(command.year(), command.amount());
        if (command.amount().isPositive()) {
            money.requireDeliveredWithinLimit(command.year(), command.amount());
        }
        return applied(new SavingDeliveryCorrected(savingId, programmeId, command.year(), command.amount(),
                command.provenance()));
    }

    @CommandHandler
    public Long handle(ChangeSavingStage command) {
        return appliedIf(command.stage() != stage,
                () -> new SavingStageChanged(savingId, programmeId, stage, command.stage(), command.provenance()));
    }

    @CommandHandler
    public Long handle(ChangeSavingConfidence command) {
        return appliedIf(command.confidence() != confidence, () -> new SavingConfidenceChanged(savingId, programmeId,
                confidence, command.confidence(), command.provenance()));
    }

    @CommandHandler
    public Long handle(ChangeSavingRag command) {
        return appliedIf(command.status() != rag,
                () -> new SavingRagChanged(savingId, programmeId, rag, command.status(), command.provenance()));
    }

    @CommandHandler
    public Long handle(WithdrawSaving command) {
        return appliedIf(true, () -> new SavingWithdrawn(savingId, programmeId, command.provenance()));
    }

    @CommandHandler
    public Long handle(ClassifySaving command) {
        return appliedIf(classification.changes(command),
                () -> classification.classified(savingId, programmeId, command));
    }

    @CommandHandler
    public Long handle(ReviseSavingPosts command, NamedIds directory) {
        requireOpenWithin(directory, command.posts().posts().keySet());
        return applied(new SavingPostsRevised(savingId, programmeId, posts.planned(), command.posts(), command.provenance()));
    }

    @CommandHandler
    public Long handle(RecordSavingPostsDelivered command, NamedIds directory) {
        requireOpenWithin(directory, List.of(command.year()));
        return applied(new SavingPostsDelivered(savingId, programmeId, command.year(), command.posts(),
                command.provenance()));
    }

    @CommandHandler
    public Long handle(CorrectSavingPostsDelivered command, NamedIds directory) {
        requireOpenWithin(directory, List.of(command.year()));
        posts.requireCorrectable(command.year(), command.posts());
        return applied(new SavingPostsDeliveryCorrected(savingId, programmeId, command.year(), command.posts(),
                command.provenance()));
    }

    private Long applied(SavingEvent change) {
        apply(change);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(ChangeSavingDetails command) {
        requireOpen();
        details.requireChangedBy(command);
        return applied(new SavingDetailsChanged(savingId, programmeId, command.title(), command.workstream(),
                command.owner(), command.description(), command.provenance()));
    }

    /** A change that would leave the saving as it is (a stage it already has) writes nothing. */
    private Long appliedIf(boolean changes, Supplier<SavingEvent> change) {
        requireOpen();
        return changes ? applied(change.get()) : AggregateLifecycle.getVersion();
    }

    /** What the saving holds now, for working out the commands that would bring it to other figures. */
    public SavingPosition position() {
        return new SavingPosition(programmeId, details.title(), details.workstream(), details.owner(), details.description(),
                stage, confidence, rag, withdrawn, classification.recurrence(), classification.category(),
                money.plannedAmounts(), money.deliveredAmounts(), posts.plannedCounts(), posts.deliveredCounts());
    }

    private void requireOpen() {
        if (withdrawn) {
            throw new BusinessRuleViolation(Rule.WITHDRAWN_SAVING_IS_CLOSED,
                    "saving '" + savingId + "' was withdrawn; its history is kept but it cannot change");
        }
    }

    private void requireOpenWithin(NamedIds directory, Collection<FinancialYear> years) {
        requireOpen();
        programme(directory).requireCovers(years);
    }

    private void requireMovable(FinancialYear from, FinancialYear to, Money amount, String move, NamedIds directory) {
        requireOpenWithin(directory, List.of(from, to));
        money.requireMovable(from, to, amount, move);
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
        stage = event.stage();
        confidence = event.confidence();
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
