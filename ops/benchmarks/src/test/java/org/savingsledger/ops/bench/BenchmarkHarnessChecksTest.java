package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of {@link BenchmarkHarnessTest} fail on a report they must reject, not only pass on a good one. */
class BenchmarkHarnessChecksTest {

    private static final String GOOD = "1,234 commands/s; p50 3.1 ms, p99 12.0 ms";

    @Test
    void theAppendRatesPassWhenEachOfTheSixIsARateWithLatencies() {
        assertThatCode(() -> BenchmarkHarnessTest.appendRatesWithLatencies(append(GOOD, GOOD))).doesNotThrowAnyException();
    }

    @Test
    void aCommandGatewayFigureWithoutItsLatenciesFails() {
        assertThatThrownBy(() -> BenchmarkHarnessTest.appendRatesWithLatencies(append(GOOD, "1,234 commands/s")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("command gateway, 16 threads");
    }

    @Test
    void anHttpFigureWithAnotherUnitFails() {
        assertThatThrownBy(() -> BenchmarkHarnessTest.appendRatesWithLatencies(append("1,234 rows/s; p50 3.1 ms, p99 12.0 ms", GOOD)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HTTP API, 16 clients");
    }

    @Test
    void aReportWithoutTheGatewayFiguresFails() {
        BenchReport report = new BenchReport("test", "machine");
        for (String clients : new String[] {"1 client", "4 clients", "16 clients"}) {
            report.add(Appends.WORKLOAD, "HTTP API, " + clients, GOOD);
        }
        assertThatThrownBy(() -> BenchmarkHarnessTest.appendRatesWithLatencies(report)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anotherWorkloadsFigureNamedLikeAnAppendFigureIsNotAnAppendRate() {
        BenchReport report = append(GOOD, GOOD);
        report.add(Sizing.SIZING, "command gateway, 1 thread, elsewhere", "not a rate");
        assertThatCode(() -> BenchmarkHarnessTest.appendRatesWithLatencies(report)).doesNotThrowAnyException();
    }

    /** The six closed-loop append figures, the 16-client/thread ones with the given values. */
    private static BenchReport append(String http16, String gateway16) {
        BenchReport report = new BenchReport("test", "machine");
        report.add(Appends.WORKLOAD, "HTTP API, 1 client", GOOD);
        report.add(Appends.WORKLOAD, "HTTP API, 4 clients", GOOD);
        report.add(Appends.WORKLOAD, "HTTP API, 16 clients", http16);
        report.add(Appends.WORKLOAD, "command gateway, 1 thread", GOOD);
        report.add(Appends.WORKLOAD, "command gateway, 4 threads", GOOD);
        report.add(Appends.WORKLOAD, "command gateway, 16 threads", gateway16);
        report.add(Appends.WORKLOAD, "ceiling: raw JDBC batch inserts (500 rows a transaction, 1 connection)", "9,000 rows/s");
        return report;
    }
}
