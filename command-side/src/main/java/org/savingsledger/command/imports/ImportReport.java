package org.savingsledger.command.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to an import: what was read, the commands per row (to be sent, on a dry run; sent, on a
 * commit), every problem by its cell, and what was deliberately left out.
 *
 * @param outcome {@code CHECKED} (dry run without problems), {@code HAS_PROBLEMS} (dry run; nothing can be
 *                written until they are mended), {@code WRITTEN}, or {@code NOTHING_TO_WRITE} (the ledger
 *                already agrees with the tracker)
 * @param consistencyToken after a commit that wrote something: pass it to the query side to read the result
 */
public record ImportReport(String file, String sheet, LocalDate asAt, String units, String decisionReference, boolean dryRun,
                           String outcome, int commandCount, List<Row> rows, List<Problem> problems, List<String> leftOut,
                           String consistencyToken) {

    /** A tracker row and the commands it leads to; a row that already agrees has none. */
    public record Row(int row, String savingId, List<Step> commands) {
    }

    public record Step(String command, String summary) {
    }

    /** {@code cell} is null for a problem of the file as a whole. */
    public record Problem(String cell, String message) {
    }

    static ImportReport of(ImportPlan plan, boolean dryRun, String outcome, String consistencyToken) {
        Tracker tracker = plan.tracker();
        Map<Integer, Row> rows = new LinkedHashMap<>();
        tracker.lines().forEach(line -> rows.put(line.row(), new Row(line.row(), line.savingId(), new ArrayList<>())));
        plan.commands().forEach(command -> rows.get(command.row()).commands().add(new Step(command.name(), command.summary())));
        List<Problem> problems = plan.problems().stream()
                .map(p -> new Problem(p.cell() == null ? null : p.cell().toString(), p.message())).toList();
        return new ImportReport(tracker.fileName(), tracker.sheet(), tracker.asAt(),
                tracker.units() == null ? null : tracker.units().label(), tracker.decisionReference(), dryRun, outcome,
                plan.commands().size(), List.copyOf(rows.values()), problems, tracker.leftOut(), consistencyToken);
    }
}
