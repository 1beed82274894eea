package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchReportTest {

    @Test
    void eachNumberOfRepeatedRunsBecomesItsMedianAndRange() {
        BenchReport first = run("55 commands/s; p50 15.5 ms, p99 46.8 ms", "0.06×", false);
        BenchReport second = run("61 commands/s; p50 14.9 ms, p99 104 ms", "0.05×", true);
        BenchReport third = run("1,002 commands/s; p50 16.2 ms, p99 50.0 ms", "0.07×", true);

        BenchReport merged = BenchReport.merge("cmd --repeat=3", "2 cores", List.of(first, second, third));

        BenchReport.Figure figure = merged.figures().get(0);
        // 55, 61, 1,002 → median 61; the third printed a thousands separator, so all are grouped
        // 15.5, 14.9, 16.2 → 15.5; 46.8, 104, 50.0 → 50.0 with one decimal (the most any run printed)
        assertThat(figure.value()).isEqualTo("61 (55–1,002) commands/s; p50 15.5 (14.9–16.2) ms, p99 50.0 (46.8–104.0) ms");
        assertThat(figure.ratio()).isEqualTo("0.06 (0.05–0.07)×");
        // the name's numbers (16 clients, p99 ≤ 20 in the target) are the same in every run and stay as they are
        assertThat(figure.name()).isEqualTo("HTTP API, 16 clients");
        assertThat(figure.met()).isTrue();
        assertThat(merged.markdown()).contains("| yes (2 of 3 runs) |").contains("Command: `cmd --repeat=3`");
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwoAndATargetMissedByHalfIsMissed() {
        BenchReport merged = BenchReport.merge("cmd", "m", List.of(run("10 ms", "1.00×", true), run("13 ms", "2.00×", false)));

        // (10 + 13) / 2 = 11.5, printed with the runs' 0 decimals, rounded half to even → 12
        assertThat(merged.figures().get(0).value()).isEqualTo("12 (10–13) ms");
        assertThat(merged.figures().get(0).met()).isFalse();
        assertThat(merged.markdown()).contains("| **no** (1 of 2 runs) |");
    }

    @Test
    void runsThatReportedDifferentFiguresAreNotMerged() {
        BenchReport other = new BenchReport("cmd", "m");
        other.add("Append", "command gateway, 1 thread", "300 commands/s");

        assertThatThrownBy(() -> BenchReport.merge("cmd", "m", List.of(run("10 ms", "1×", true), other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs between runs");
    }

    @Test
    void notesOfEveryRunAreKeptOnceEach() {
        BenchReport first = run("1 ms", "", null);
        first.note("closed loops");
        first.note("run 1 took 400 s");
        BenchReport second = run("2 ms", "", null);
        second.note("closed loops");
        second.note("run 2 took 380 s");

        assertThat(BenchReport.merge("cmd", "m", List.of(first, second)).notes())
                .containsExactly("closed loops", "run 1 took 400 s", "run 2 took 380 s");
    }

    @Test
    void oneRunsReportReadsBackAsItWasPrinted() {
        BenchReport report = new BenchReport("java -jar bench.jar --full", "2 cores, 23 GiB");
        report.add("Append", "HTTP API, 1 client", "108 commands/s; p50 8.7 ms, p99 20.3 ms");
        report.add("Append", "HTTP with 1 client ÷ gateway on 1 thread", "0.18×", "≥ 0.7×", false, "0.18×");
        report.add("As-at queries", "saving position asAt, 1,041 history events", "p50 1.8 ms, p99 6.8 ms", "p99 ≤ 10 ms", true, "");
        report.note("The append figures are closed loops.");
        report.note("This run: the run took 4100 s, start-up of the embedded stores included.");

        BenchReport read = BenchReport.parse(report.markdown());

        assertThat(read.command()).isEqualTo("java -jar bench.jar --full");
        assertThat(read.machine()).isEqualTo("2 cores, 23 GiB");
        assertThat(read.figures()).isEqualTo(report.figures());
        assertThat(read.notes()).isEqualTo(report.notes());
    }

    @Test
    void aMergedReportIsNotReadAsOneRun() {
        BenchReport merged = BenchReport.merge("cmd", "m", List.of(run("10 ms", "", true), run("12 ms", "", false),
                run("11 ms", "", true)));

        assertThatThrownBy(() -> BenchReport.parse(merged.markdown())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one run's figure");
    }

    @Test
    void runsMadeOneInvocationEachMergeAsTheRunsOfOne(@TempDir Path directory) throws Exception {
        Path a = Files.writeString(directory.resolve("a.md"), run("55 commands/s; p99 46.8 ms", "0.06×", false).markdown());
        Path b = Files.writeString(directory.resolve("b.md"), run("61 commands/s; p99 104 ms", "0.05×", true).markdown());
        Path c = Files.writeString(directory.resolve("c.md"), run("1,002 commands/s; p99 50.0 ms", "0.07×", true).markdown());

        String merged = Benchmarks.mergedReports(List.of(a, b, c));

        // as the first test's runs: 55, 61, 1,002 → 61; 46.8, 104, 50.0 → 50.0; met in 2 of 3
        assertThat(merged).contains("Command: `cmd (3 runs, one invocation each, merged with --merge)`")
                .contains("| HTTP API, 16 clients | 61 (55–1,002) commands/s; p99 50.0 (46.8–104.0) ms | p99 ≤ 20 ms "
                        + "| yes (2 of 3 runs) | 0.06 (0.05–0.07)× |")
                .contains("## Run 2 of 3 (b.md)", "61 commands/s; p99 104 ms");
    }

    @Test
    void runsOnDifferentMachinesAreNotMerged(@TempDir Path directory) throws Exception {
        Path a = Files.writeString(directory.resolve("a.md"), run("55 commands/s", "", null).markdown());
        BenchReport elsewhere = new BenchReport("cmd", "4 cores");
        elsewhere.add("Append", "HTTP API, 16 clients", "61 commands/s");
        Path b = Files.writeString(directory.resolve("b.md"), elsewhere.markdown());

        assertThatThrownBy(() -> Benchmarks.mergedReports(List.of(a, b))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one command on one machine");
    }

    private static BenchReport run(String value, String ratio, Boolean met) {
        BenchReport report = new BenchReport("cmd", "m");
        report.add("Append", "HTTP API, 16 clients", value, met == null ? "" : "p99 ≤ 20 ms", met, ratio);
        return report;
    }
}
