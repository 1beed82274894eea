package org.savingsledger.ops.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.shared.SavingId;

import javax.sql.DataSource;
import java.util.List;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.rate;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The append workload: deliveries through the HTTP API and through the command gateway at 1, 4 and
 * 16 closed-loop clients, beside the raw-insert ceiling of the same PostgreSQL ({@link RawInserts}).
 */
record Appends(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Append";

    private static final int[] CONCURRENCY = {1, 4, 16};

    /** Reports the append figures and answers the best HTTP rate, in commands a second (the later loads are set from it). */
    double run() throws Exception {
        BenchSizes sizes = ledger.sizes();
        BenchReport report = ledger.report();
        ledger.log("append: HTTP API and command gateway at concurrency 1, 4, 16; raw JDBC inserts");
        List<SavingId> savings = ledger.appendTargets("append");
        CommandGateway gateway = ledger.bean(CommandGateway.class);
        // On 2 cores the JIT compiles the command path for the first tens of seconds after start-up, and
        // HTTP, measured first, paid for it: both paths are warmed together before any level is measured.
        ledger.closedLoop(4, sizes.warmup().multipliedBy(15), i -> {
            ledger.postDelivery(savings.get(i));
            gateway.sendAndWait(ledger.delivery(savings.get(i)));
        });
        double bestHttpRate = 0;
        double httpOne = 0;
        for (int threads : CONCURRENCY) {
            ClosedLoop.Measured measured = ledger.closedLoop(threads, sizes.window(), i -> ledger.postDelivery(savings.get(i)));
            bestHttpRate = Math.max(bestHttpRate, measured.rate());
            httpOne = threads == 1 ? measured.rate() : httpOne;
            report.add(WORKLOAD, "HTTP API, " + threads + " client" + (threads == 1 ? "" : "s"), value(measured));
        }
        double bestGateway = 0;
        double gatewayOne = 0;
        for (int threads : CONCURRENCY) {
            ClosedLoop.Measured measured = ledger.closedLoop(threads, sizes.window(),
                    i -> gateway.sendAndWait(ledger.delivery(savings.get(i))));
            bestGateway = Math.max(bestGateway, measured.rate());
            gatewayOne = threads == 1 ? measured.rate() : gatewayOne;
            report.add(WORKLOAD, "command gateway, " + threads + " thread" + (threads == 1 ? "" : "s"), value(measured));
        }
        RawInserts raw = new RawInserts(ledger.bean(DataSource.class), sizes.warmup());
        double batch = raw.batched(sizes.window());
        report.add(WORKLOAD, "ceiling: raw JDBC batch inserts (500 rows a transaction, 1 connection)", rate(batch, "rows"));
        double best = Math.max(bestGateway, bestHttpRate);
        report.add(WORKLOAD, "best command rate ÷ raw batch-insert ceiling", ratio(best / batch), "≥ 0.5×",
                best / batch >= 0.5, ratio(best / batch));
        double singleOne = 0;
        for (int threads : CONCURRENCY) {
            double single = raw.oneRowPerTransaction(threads, sizes.window());
            singleOne = threads == 1 ? single : singleOne;
            report.add(WORKLOAD, "ceiling: raw JDBC inserts, one row a transaction, " + threads + " connection"
                    + (threads == 1 ? "" : "s"), rate(single, "rows"));
        }
        report.add(WORKLOAD, "gateway on 1 thread ÷ raw one-row-a-transaction ceiling on 1 connection",
                ratio(gatewayOne / singleOne), "≥ 0.25×", gatewayOne / singleOne >= 0.25, ratio(gatewayOne / singleOne));
        double shaped = raw.commandShaped(sizes.window());
        report.add(WORKLOAD, "ceiling: a command's round trips by raw JDBC, one transaction each (read a row, insert the"
                + " event row, update the row, commit), 1 connection", rate(shaped, "transactions"));
        report.add(WORKLOAD, "that ceiling ÷ the one-row-a-transaction ceiling; gateway on 1 thread ÷ that ceiling",
                ratio(shaped / singleOne) + "; " + ratio(gatewayOne / shaped));
        report.add(WORKLOAD, "HTTP with 1 client ÷ gateway on 1 thread", ratio(httpOne / gatewayOne), "≥ 0.7×",
                httpOne / gatewayOne >= 0.7, ratio(httpOne / gatewayOne));
        raw.drop();
        report.note("The append figures are closed loops: each client sends its next command when the last is answered, "
                + "each to a saving of its own (no version conflicts); a command is a RecordSavingDelivered of 1p. "
                + "Before the first level, 4 clients send through both the HTTP API and the gateway for fifteen warm-up "
                + "periods, so that neither is measured while the JIT compiles. The command-shaped ceiling makes a delivery's "
                + "round trips (the directory read, the event row, the directory update, the commit) by plain JDBC into "
                + "tables of its own, with the latest delivery's payload and metadata: what the store itself costs per "
                + "command on one connection, without Axon, the aggregate or JSON (the ledger's directory statement does "
                + "more: the saving's row, its years and the programme's totals in one statement).");
        return bestHttpRate;
    }

    /** A closed loop's rate and latencies, as every append figure prints them. */
    static String value(ClosedLoop.Measured measured) {
        return rate(measured.rate(), "commands") + "; p50 " + millis(measured.latencies().p50()) + ", p99 "
                + millis(measured.latencies().p99());
    }
}
