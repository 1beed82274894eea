package org.savingsledger.ops.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one benchmark run, by workload: each with its unit, the target it is held to (if
 * any) and whether it met it, and a ratio against a ceiling or an alternative where there is one.
 * Renders as the Markdown tables of {@code docs/benchmarks.md}. The reports of repeated runs
 * {@linkplain #merge merge} into one whose every measured number is the median and range of the runs.
 */
public final class BenchReport {

    /**
     * One figure. {@code met} is null when the figure has no target; of merged runs, it is whether the
     * target was met in most of them, and {@code metRuns} of {@code runs} says in how many.
     */
    public record Figure(String workload, String name, String value, String target, Boolean met, String ratio,
                         int metRuns, int runs) {

        public Figure(String workload, String name, String value, String target, Boolean met, String ratio) {
            this(workload, name, value, target, met, ratio, Boolean.TRUE.equals(met) ? 1 : 0, 1);
        }

        String metCell() {
            if (met == null) {
                return "";
            }
            String cell = met ? "yes" : "**no**";
            return runs == 1 || metRuns == 0 || metRuns == runs ? cell : cell + " (" + metRuns + " of " + runs + " runs)";
        }
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
                        .append(" | ").append(row.metCell()).append(" | ")
                        .append(row.ratio()).append(" |\n");
            }
        });
        if (!notes.isEmpty()) {
            out.append("\nNotes from the run:\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** A measured number as printed: 1,234 or 0.06 or 15.5 (a superscript such as 10⁶ is not one). */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    /**
     * The runs of one invocation as one report: the figures are matched by workload and position (every
     * run reports the same figures in the same order), and where the runs' numbers differ each becomes
     * its median with the range, {@code 15.5 (14.9–16.2)}; a number the same in every run stays as it
     * is. A target counts as met when it was met in most runs. The notes of all runs are kept, once each.
     *
     * @throws IllegalArgumentException when the runs did not report the same figures (then there is no
     *                                  honest median: print the runs one by one)
     */
    public static BenchReport merge(String command, String machine, List<BenchReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to merge");
        }
        BenchReport merged = new BenchReport(command, machine);
        List<List<Figure>> figures = runs.stream().map(BenchReport::figures).toList();
        for (List<Figure> run : figures) {
            if (run.size() != figures.get(0).size()) {
                throw new IllegalArgumentException("the runs reported " + figures.stream().map(List::size).toList() + " figures");
            }
        }
        for (int i = 0; i < figures.get(0).size(); i++) {
            int index = i;
            List<Figure> same = figures.stream().map(run -> run.get(index)).toList();
            Figure first = same.get(0);
            for (Figure figure : same) {
                if (!figure.workload().equals(first.workload()) || !skeleton(figure.name()).equals(skeleton(first.name()))
                        || !figure.target().equals(first.target())) {
                    throw new IllegalArgumentException("figure " + (index + 1) + " differs between runs: '" + first.name()
                            + "' and '" + figure.name() + "'");
                }
            }
            long met = same.stream().filter(figure -> Boolean.TRUE.equals(figure.met())).count();
            Boolean majority = first.met() == null ? null : met * 2 > same.size();
            merged.figures.add(new Figure(first.workload(), spread(same.stream().map(Figure::name).toList()),
                    spread(same.stream().map(Figure::value).toList()), first.target(), majority,
                    spread(same.stream().map(Figure::ratio).toList()), (int) met, same.size()));
        }
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        runs.forEach(run -> notes.addAll(run.notes()));
        merged.notes.addAll(notes);
        return merged;
    }

    /**
     * One run's report read back from the Markdown {@link #markdown()} printed, so that runs made in separate
     * invocations (a full run each) can be {@linkplain #merge merged} as the runs of one invocation are.
     *
     * @throws IllegalArgumentException for text that is not one run's report (merged runs' included)
     */
    public static BenchReport parse(String markdown) {
        String machine = null;
        String command = null;
        String workload = null;
        boolean inNotes = false;
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (machine == null && line.startsWith("Machine: ")) {
                machine = line.substring("Machine: ".length()).strip();
            } else if (command == null && line.startsWith("Command: `") && line.endsWith("`")) {
                command = line.substring("Command: `".length(), line.length() - 1);
            } else if (line.startsWith("### ")) {
                workload = line.substring(4);
            } else if (line.equals("Notes from the run:")) {
                inNotes = true;
            } else if (line.startsWith("## ")) {
                throw new IllegalArgumentException("not one run's report: it has a section '" + line + "'");
            } else if (inNotes && line.startsWith("- ")) {
                notes.add(line.substring(2));
            } else if (!inNotes && workload != null && line.startsWith("| ") && line.endsWith(" |")
                    && !line.startsWith("| figure |")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
                if (cells.length != 5) {
                    throw new IllegalArgumentException("a figure's row without 5 cells: " + line);
                }
                Boolean met = switch (cells[3]) {
                    case "yes" -> Boolean.TRUE;
                    case "**no**" -> Boolean.FALSE;
                    case "" -> null;
                    default -> throw new IllegalArgumentException("not one run's figure (met: '" + cells[3] + "'): " + line);
                };
                figures.add(new Figure(workload, cells[0], cells[1], cells[2], met, cells[4]));
            }
        }
        if (machine == null || command == null || figures.isEmpty()) {
            throw new IllegalArgumentException("not a benchmark report: no machine, command or figures");
        }
        BenchReport report = new BenchReport(command, machine);
        report.figures.addAll(figures);
        report.notes.addAll(notes);
        return report;
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /** The text with its numbers taken out: runs' texts with equal skeletons say the same thing. */
    private static String skeleton(String text) {
        return NUMBER.matcher(text).replaceAll("#");
    }

    /** The runs' texts as one, each number the median (range) of the runs'; texts that differ otherwise are joined. */
    static String spread(List<String> texts) {
        String first = texts.get(0);
        if (texts.stream().map(BenchReport::skeleton).distinct().count() > 1) {
            return String.join(" / ", texts);
        }
        List<List<String>> numbers = texts.stream().map(text -> {
            List<String> found = new ArrayList<>();
            Matcher matcher = NUMBER.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group());
            }
            return found;
        }).toList();
        StringBuilder out = new StringBuilder();
        Matcher matcher = NUMBER.matcher(first);
        int position = 0;
        int n = 0;
        while (matcher.find()) {
            out.append(first, position, matcher.start());
            int k = n++;
            out.append(medianAndRange(numbers.stream().map(run -> run.get(k)).toList()));
            position = matcher.end();
        }
        return out.append(first.substring(position)).toString();
    }

    private static String medianAndRange(List<String> printed) {
        if (printed.stream().distinct().count() == 1) {
            return printed.get(0);
        }
        List<BigDecimal> values = printed.stream().map(text -> new BigDecimal(text.replace(",", "")))
                .sorted(Comparator.naturalOrder()).toList();
        int decimals = printed.stream().mapToInt(text -> text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0).max().orElse(0);
        boolean grouped = printed.stream().anyMatch(text -> text.contains(","));
        int size = values.size();
        BigDecimal median = size % 2 == 1 ? values.get(size / 2)
                : values.get(size / 2 - 1).add(values.get(size / 2)).divide(BigDecimal.valueOf(2));
        return format(median, decimals, grouped) + " (" + format(values.get(0), decimals, grouped) + "–"
                + format(values.get(size - 1), decimals, grouped) + ")";
    }

    private static String format(BigDecimal value, int decimals, boolean grouped) {
        DecimalFormat format = new DecimalFormat(grouped ? "#,##0" : "0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value.setScale(decimals, RoundingMode.HALF_EVEN));
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
