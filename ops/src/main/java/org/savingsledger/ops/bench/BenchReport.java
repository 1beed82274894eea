package org.savingsledger.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, by workload: each with its unit, the target it is held to (if
 * any) and whether it met it, and a ratio against a ceiling or an alternative where there is one.
 * Renders as the Markdown tables of {@code docs/benchmarks.md}.
 */
public final class BenchReport {

    /** One figure. {@code met} is null when the figure has no target. */
    public record Figure(String workload, String name, String value, String target, Boolean met, String ratio) {
    }

    private final String command;
    private final String machine;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchReport(String command, String machine) {
        this.command = command;
        this.machine = machine;
    }

    public synchronized void add(String workload, String name, String value) {
        figures.add(new Figure(workload, name, value, "", null, ""));
    }

    public synchronized void add(String workload, String name, String value, String target, Boolean met, String ratio) {
        figures.add(new Figure(workload, name, value, target, met, ratio));
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Every figure's workload, in the order they were first reported. */
    public synchronized List<String> workloads() {
        return figures.stream().map(Figure::workload).distinct().toList();
    }

    public String command() {
        return command;
    }

    public String machine() {
        return machine;
    }

    public synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append("  \nCommand: `").append(command).append("`\n");
        Map<String, List<Figure>> byWorkload = new LinkedHashMap<>();
        figures.forEach(figure -> byWorkload.computeIfAbsent(figure.workload(), w -> new ArrayList<>()).add(figure));
        byWorkload.forEach((workload, rows) -> {
            out.append("\n### ").append(workload).append("\n\n| figure | value | target | met | ratio |\n|---|---|---|---|---|\n");
            for (Figure row : rows) {
                out.append("| ").append(row.name()).append(" | ").append(row.value()).append(" | ").append(row.target())
                        .append(" | ").append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" | ")
                        .append(row.ratio()).append(" |\n");
            }
        });
        if (!notes.isEmpty()) {
            out.append("\nNotes from the run:\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String ratio(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
