package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.command.saving.ChangeSavingConfidence;
import org.savingsledger.command.saving.ChangeSavingDetails;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ChangeSavingStage;
import org.savingsledger.command.saving.ClassifySaving;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.CorrectSavingPostsDelivered;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.RecordSavingPostsDelivered;
import org.savingsledger.command.saving.ReviseSavingPosts;
import org.savingsledger.command.saving.ReviseSavingProfile;
import org.savingsledger.command.saving.SavingPosition;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The commands that bring an existing saving to a tracker row's figures, one per thing that differs, in
 * the order details, classification, plan, deliveries, posts, stage, confidence, RAG. A field the tracker
 * has no column for, or leaves blank where the ledger has text, is left as the ledger has it (an import
 * replaces values, it never removes them).
 */
final class SavingChanges {

    private final TrackerLine line;
    private final SavingPosition now;
    private final Provenance provenance;
    private final SavingId id;
    private final List<PlannedCommand> commands = new ArrayList<>();
    private long version;

    private SavingChanges(TrackerLine line, ImportLedger.ExistingSaving existing, Provenance provenance) {
        this.line = line;
        this.now = existing.position();
        this.provenance = provenance;
        this.id = new SavingId(line.savingId());
        this.version = existing.version();
    }

    static List<PlannedCommand> of(TrackerLine line, ImportLedger.ExistingSaving existing, Provenance provenance,
                                   List<TrackerProblem> problems) {
        if (existing.position().withdrawn()) {
            if (Boolean.FALSE.equals(line.withdrawn())) {
                problems.add(new TrackerProblem(line.cells().get(new TrackerColumn(TrackerField.WITHDRAWN, null)),
                        "saving \"" + line.savingId() + "\" is withdrawn in the ledger and cannot be brought back"));
            }
            return List.of();
        }
        SavingChanges changes = new SavingChanges(line, existing, provenance);
        changes.details();
        changes.classification();
        changes.planned(problems);
        changes.figures(line.delivered(), now -> now.delivered(), "delivery", true);
        changes.posts();
        changes.figures(line.postsDelivered(), now -> now.postsDelivered(), "posts delivered", false);
        changes.choices();
        if (Boolean.TRUE.equals(line.withdrawn())) {
            changes.add("withdraw", new WithdrawSaving(changes.id, provenance, changes.version));
        }
        return changes.commands;
    }

    private void details() {
        String title = changed(line.title(), now.title());
        String workstream = changed(line.workstream(), now.workstream());
        String owner = changed(line.owner(), now.owner());
        String description = changed(line.description(), now.description());
        if (title != null || workstream != null || owner != null || description != null) {
            add("change details", new ChangeSavingDetails(id, title, workstream, owner, description, provenance, version));
        }
    }

    private void classification() {
        var category = line.category() != null && line.category() != now.category() ? line.category() : null;
        var recurrence = line.recurrence() != null && line.recurrence() != now.recurrence() ? line.recurrence() : null;
        if (category != null || recurrence != null) {
            add("classify " + (category == null ? "" : category + " ") + (recurrence == null ? "" : recurrence),
                    new ClassifySaving(id, category, recurrence, provenance, version));
        }
    }

    private void planned(List<TrackerProblem> problems) {
        if (!line.given().contains(TrackerField.PLANNED) || agrees(line.planned(), now.planned())) {
            return;
        }
        if (line.planned().values().stream().anyMatch(amount -> amount.signum() < 0)) {
            problems.add(new TrackerProblem(line.cells().get(new TrackerColumn(TrackerField.SAVING_ID, null)),
                    "planned savings cannot be negative"));
            return;
        }
        SortedMap<FinancialYear, BigDecimal> after = new TreeMap<>(now.planned());
        after.putAll(line.planned());
        SortedMap<FinancialYear, Money> profile = new TreeMap<>();
        after.forEach((year, amount) -> profile.put(year, Money.of(amount)));
        add("revise planned profile from " + Pounds.profile(now.planned()) + " to " + Pounds.profile(after),
                new ReviseSavingProfile(id, SavingsProfile.of(profile), provenance, version));
    }

    private void posts() {
        if (!line.given().contains(TrackerField.POSTS_PLANNED) || agrees(line.postsPlanned(), now.postsPlanned())) {
            return;
        }
        SortedMap<FinancialYear, Fte> after = new TreeMap<>();
        now.postsPlanned().forEach((year, fte) -> after.put(year, Fte.of(fte)));
        line.postsPlanned().forEach((year, fte) -> after.put(year, Fte.of(fte)));
        add("revise posts planned to " + after, new ReviseSavingPosts(id, PostsProfile.of(after), provenance, version));
    }

    /** Delivered money or posts, year by year: the difference is recorded, or corrected when the tracker's is lower. */
    private void figures(Map<FinancialYear, BigDecimal> wanted, Function<SavingPosition, Map<FinancialYear, BigDecimal>> current,
                         String what, boolean money) {
        wanted.forEach((year, figure) -> {
            BigDecimal before = current.apply(now).getOrDefault(year, BigDecimal.ZERO);
            BigDecimal difference = figure.subtract(before);
            if (difference.signum() == 0) {
                return;
            }
            String shown = money ? Pounds.of(difference) + ", from " + Pounds.of(before) + " to " + Pounds.of(figure)
                    : difference.toPlainString() + ", from " + before.toPlainString() + " to " + figure.toPlainString();
            if (difference.signum() > 0) {
                add("record " + what + " " + year + ": " + shown, money
                        ? new RecordSavingDelivered(id, year, Money.of(difference), provenance, version)
                        : new RecordSavingPostsDelivered(id, year, Fte.of(difference), provenance, version));
            } else {
                add("correct " + what + " " + year + ": " + shown, money
                        ? new CorrectSavingDelivery(id, year, Money.of(difference), provenance, version)
                        : new CorrectSavingPostsDelivered(id, year, Fte.of(difference), provenance, version));
            }
        });
    }

    private void choices() {
        if (line.stage() != null && line.stage() != now.stage()) {
            add("change stage from " + now.stage() + " to " + line.stage(), new ChangeSavingStage(id, line.stage(), provenance, version));
        }
        if (line.confidence() != null && line.confidence() != now.confidence()) {
            add("change confidence from " + now.confidence() + " to " + line.confidence(),
                    new ChangeSavingConfidence(id, line.confidence(), provenance, version));
        }
        if (line.rag() != null && line.rag() != now.rag()) {
            add("change RAG from " + (now.rag() == null ? "not set" : now.rag()) + " to " + line.rag(),
                    new ChangeSavingRag(id, line.rag(), provenance, version));
        }
    }

    private static boolean agrees(Map<FinancialYear, BigDecimal> wanted, Map<FinancialYear, BigDecimal> now) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().compareTo(now.getOrDefault(e.getKey(), BigDecimal.ZERO)) == 0);
    }

    private static String changed(String wanted, String now) {
        return wanted != null && !Objects.equals(wanted, now) ? wanted : null;
    }

    private void add(String summary, org.savingsledger.command.rules.LedgerCommand command) {
        commands.add(new PlannedCommand(line.row(), line.savingId(), summary, command));
        version++;
    }
}
