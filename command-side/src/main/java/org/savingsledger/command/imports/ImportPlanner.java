package org.savingsledger.command.imports;

import org.savingsledger.shared.tracker.TrackerField;
import org.savingsledger.command.rules.LedgerDirectory.ProgrammeEntry;
import org.savingsledger.command.saving.ChangeSavingDetails;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.RecordSavingPostsDelivered;
import org.savingsledger.command.saving.WithdrawSaving;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Works out the commands that bring the ledger to a tracker's figures: a new saving is proposed, and an
 * existing one gets a command for each thing the tracker says differently (delivery as the difference
 * from the ledger's figure). What already agrees sends nothing, so the same tracker imported twice writes
 * once. Each command carries the tracker's date as its effective date and {@code import <file> row <n>} as
 * its reason; commands to one saving carry the versions they follow, so a change made by someone else
 * between the plan and its commands stops the import rather than being overwritten.
 */
public final class ImportPlanner {

    private final Tracker tracker;
    private final String organisation;
    private final String actor;
    private final ImportLedger ledger;
    private final List<PlannedCommand> commands = new ArrayList<>();
    private final List<TrackerProblem> problems = new ArrayList<>();

    private ImportPlanner(Tracker tracker, String organisation, String actor, ImportLedger ledger) {
        this.tracker = tracker;
        this.organisation = organisation;
        this.actor = actor;
        this.ledger = ledger;
    }

    public static ImportPlan plan(Tracker tracker, String organisation, String actor, ImportLedger ledger) {
        ImportPlanner planner = new ImportPlanner(tracker, organisation, actor, ledger);
        planner.problems.addAll(tracker.problems());
        if (!tracker.hasProblems()) {
            tracker.lines().forEach(planner::plan);
        }
        return new ImportPlan(tracker, List.copyOf(planner.commands), List.copyOf(planner.problems));
    }

    private void plan(TrackerLine line) {
        Optional<ProgrammeEntry> programme = ledger.programme(new ProgrammeId(line.programmeId()))
                .filter(p -> organisation.equals(p.organisation()));
        if (programme.isEmpty()) {
            problem(line, TrackerField.PROGRAMME, null, "no programme \"" + line.programmeId() + "\" in organisation "
                    + organisation);
            return;
        }
        if (!withinPeriod(line, programme.get())) {
            return;
        }
        TrackerLine inPeriod = line.keepingYears(programme.get()::covers);
        Provenance provenance = new Provenance(actor, "import " + tracker.fileName() + " row " + line.row(), tracker.asAt(),
                tracker.decisionReference());
        Optional<ImportLedger.ExistingSaving> existing = ledger.saving(new SavingId(line.savingId()));
        if (existing.isPresent()) {
            if (!organisation.equals(existing.get().organisation())
                    || !existing.get().position().programmeId().value().equals(line.programmeId())) {
                problem(line, TrackerField.PROGRAMME, null, "saving \"" + line.savingId() + "\" is not in programme \""
                        + line.programmeId() + "\": a saving cannot move to another programme");
                return;
            }
            commands.addAll(SavingChanges.of(inPeriod, existing.get(), provenance, problems));
        } else if (ledger.isTaken(line.savingId())) {
            problem(line, TrackerField.SAVING_ID, null, "\"" + line.savingId() + "\" is already the id of another record");
        } else {
            propose(inPeriod, provenance);
        }
    }

    /** Amounts outside the programme's years are refused by the ledger; blank or zero ones there are passed over. */
    private boolean withinPeriod(TrackerLine line, ProgrammeEntry programme) {
        boolean within = true;
        for (Map.Entry<TrackerColumn, CellRef> cell : line.cells().entrySet()) {
            FinancialYear year = cell.getKey().year();
            if (year != null && !programme.covers(year) && yearly(line, cell.getKey().field()).getOrDefault(year, BigDecimal.ZERO)
                    .signum() != 0) {
                problems.add(new TrackerProblem(cell.getValue(), year + " is outside programme \"" + line.programmeId()
                        + "\", which runs from " + programme.firstYear() + " to " + programme.lastYear()));
                within = false;
            }
        }
        return within;
    }

    private void propose(TrackerLine line, Provenance provenance) {
        List<String> missing = new ArrayList<>();
        if (line.title() == null) {
            missing.add("Title");
        }
        if (line.stage() == null) {
            missing.add("Stage");
        }
        if (line.confidence() == null) {
            missing.add("Confidence");
        }
        if (!missing.isEmpty()) {
            problem(line, TrackerField.SAVING_ID, null, "saving \"" + line.savingId() + "\" is new to the ledger and needs "
                    + String.join(", ", missing));
            return;
        }
        SortedMap<FinancialYear, Money> planned = new TreeMap<>();
        SortedMap<FinancialYear, BigDecimal> shown = new TreeMap<>();
        line.planned().forEach((year, amount) -> {
            if (amount.signum() != 0) {
                planned.put(year, Money.of(amount));
                shown.put(year, amount);
            }
        });
        SortedMap<FinancialYear, Fte> posts = new TreeMap<>();
        line.postsPlanned().forEach((year, fte) -> {
            if (fte.signum() != 0) {
                posts.put(year, Fte.of(fte));
            }
        });
        if (planned.values().stream().anyMatch(Money::isNegative) || posts.values().stream().anyMatch(Fte::isNegative)) {
            problem(line, TrackerField.PLANNED, null, "planned savings and posts cannot be negative");
            return;
        }
        add(new PlannedCommand(line.row(), line.savingId(), "propose saving \"" + line.title() + "\" in " + line.programmeId()
                + ", planned " + Pounds.profile(shown),
                new ProposeSaving(new SavingId(line.savingId()), new ProgrammeId(line.programmeId()), line.title(),
                        line.workstream(), line.owner(), line.confidence(), line.stage(), SavingsProfile.of(planned), provenance,
                        line.recurrence(), line.category(), PostsProfile.of(posts))));
        long version = 0;
        for (Map.Entry<FinancialYear, BigDecimal> delivered : line.delivered().entrySet()) {
            if (delivered.getValue().signum() < 0) {
                problem(line, TrackerField.DELIVERED, delivered.getKey(), "a new saving cannot start with a negative delivery");
            } else if (delivered.getValue().signum() > 0) {
                add(new PlannedCommand(line.row(), line.savingId(), "record delivery " + delivered.getKey() + ": "
                        + Pounds.of(delivered.getValue()), new RecordSavingDelivered(new SavingId(line.savingId()),
                        delivered.getKey(), Money.of(delivered.getValue()), provenance, version++)));
            }
        }
        for (Map.Entry<FinancialYear, BigDecimal> delivered : line.postsDelivered().entrySet()) {
            if (delivered.getValue().signum() > 0) {
                add(new PlannedCommand(line.row(), line.savingId(), "record posts delivered " + delivered.getKey() + ": "
                        + delivered.getValue().toPlainString(), new RecordSavingPostsDelivered(new SavingId(line.savingId()),
                        delivered.getKey(), Fte.of(delivered.getValue()), provenance, version++)));
            }
        }
        if (line.rag() != null) {
            add(new PlannedCommand(line.row(), line.savingId(), "set RAG " + line.rag(),
                    new ChangeSavingRag(new SavingId(line.savingId()), line.rag(), provenance, version++)));
        }
        if (line.description() != null) {
            add(new PlannedCommand(line.row(), line.savingId(), "set description", new ChangeSavingDetails(
                    new SavingId(line.savingId()), null, null, null, line.description(), provenance, version++)));
        }
        if (Boolean.TRUE.equals(line.withdrawn())) {
            add(new PlannedCommand(line.row(), line.savingId(), "withdraw",
                    new WithdrawSaving(new SavingId(line.savingId()), provenance, version)));
        }
    }

    private static SortedMap<FinancialYear, BigDecimal> yearly(TrackerLine line, TrackerField field) {
        switch (field) {
            case PLANNED:
                return line.planned();
            case DELIVERED:
                return line.delivered();
            case POSTS_PLANNED:
                return line.postsPlanned();
            default:
                return line.postsDelivered();
        }
    }

    private void add(PlannedCommand command) {
        commands.add(command);
    }

    private void problem(TrackerLine line, TrackerField field, FinancialYear year, String message) {
        CellRef where = line.cells().getOrDefault(new TrackerColumn(field, year),
                line.cells().getOrDefault(new TrackerColumn(TrackerField.SAVING_ID, null), null));
        problems.add(new TrackerProblem(where, message));
    }
}
