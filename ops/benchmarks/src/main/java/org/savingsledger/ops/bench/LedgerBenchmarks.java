package org.savingsledger.ops.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.shared.ProgrammeId;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Every workload against a running all-in-one ledger (its Spring context), in an order where each
 * leaves the store as the next needs it: append through the API and the gateway beside the
 * raw-insert ceiling, the seed load and a cold rebuild beside the scan ceiling and Axon's defaults,
 * as-at queries over growing histories, the web interface's pages, concurrent reads, projection lag under steady load, a mixed load of readers and writers for minutes, the BI
 * extract under a 256 MiB heap, sizing, the same ledger kept in a current-state store audited by
 * JaVers, and how long the all-in-one takes to start. Every figure goes into a {@link BenchReport}; nothing here decides pass or fail beyond
 * writing each target beside its figure.
 */
public final class LedgerBenchmarks {

    private final ApplicationContext context;
    private final int port;
    private final String user;
    private final String password;
    private final BenchSizes sizes;
    private final BenchReport report;
    private final Consumer<String> log;
    private long seeds;

    /**
     * @param context  the running ledger
     * @param port     its HTTP port
     * @param user     a user allowed every command and query in every organisation (the administrator)
     */
    public LedgerBenchmarks(ApplicationContext context, int port, String user, String password, BenchSizes sizes,
                            BenchReport report, Consumer<String> log) {
        this.context = context;
        this.port = port;
        this.user = user;
        this.password = password;
        this.sizes = sizes;
        this.report = report;
        this.log = log;
    }

    /**
     * Seeds the generated ledgers from {@code base} (default 0), so a second run into the same stores
     * (a test rerun) generates other ids.
     */
    public LedgerBenchmarks withSeeds(long base) {
        this.seeds = base;
        return this;
    }

    /** Runs every workload in an order where each leaves the store as the next needs it. */
    public void runAll() throws Exception {
        LedgerUnderTest ledger = LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds));
        double bestHttpRate = new Appends(ledger).run();
        List<ProgrammeId> histories = new Seeding(ledger).run();
        new Replay(ledger).run();
        AsAtQueries.Figures asAt = new AsAtQueries(ledger).run(histories);
        new Pages(ledger).run(user, password);
        concurrentReads(ledger, histories, asAt.singleReaderRate(), bestHttpRate);
        new ProjectionLag(ledger).run(Math.max(1, bestHttpRate / 2));
        int middle = histories.size() / 2;
        new MixedLoad(ledger).run(histories.get(middle), String.format(Locale.ROOT, "%,d history events",
                Seeding.historyEvents(ledger.sizes().history().get(middle))), asAt.singleReaderRate(), Math.max(1, bestHttpRate / 2));
        new BiExport(ledger).run();
        new Sizing(ledger).run();
        CommandGateway gateway = context.getBean(CommandGateway.class);
        new JaversAlternative(ledger).run(gateway::sendAndWait, asAt.summaryAndHistory(), ledger.seeds()::history);
        new StartUp(ledger).run();
    }

    /** The append workload alone, on a fresh ledger: for measuring a change to the command path quickly. */
    public void runAppend() throws Exception {
        new Appends(LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds))).run();
    }

    /** The web pages' workload alone, on a fresh ledger: for measuring a change to the pages quickly. */
    public void runPages() throws Exception {
        new Pages(LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds))).run(user, password);
    }

    /** The as-at queries alone, over the as-at ledgers alone, on a fresh ledger: for measuring a change to the folds quickly. */
    public void runAsAt() throws Exception {
        LedgerUnderTest ledger = LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds));
        new AsAtQueries(ledger).run(new Seeding(ledger).histories());
    }

    /**
     * The mixed load alone, over the as-at ledgers alone, on a fresh ledger, at the given rates (one closed-loop
     * reader's rate on the as-at mix, which the load halves, and the writers' rate in all): for looking into its
     * latency tail without the whole run before it.
     */
    public void runMixed(double singleReaderRate, double writeRate) throws Exception {
        LedgerUnderTest ledger = LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds));
        List<ProgrammeId> histories = new Seeding(ledger).histories();
        int middle = histories.size() / 2;
        new MixedLoad(ledger).run(histories.get(middle), String.format(Locale.ROOT, "%,d history events",
                Seeding.historyEvents(ledger.sizes().history().get(middle))), singleReaderRate, writeRate);
    }

    /** The replay workload alone, after the load it replays: for measuring a change to the rebuild quickly. */
    public void runReplay() throws Exception {
        LedgerUnderTest ledger = LedgerUnderTest.of(context, port, user, password, sizes, report, log, new Seeds(seeds));
        new Seeding(ledger).run();
        new Replay(ledger).run();
    }

    /** {@link ConcurrentReads} over the mid-size as-at ledger, writers on savings of their own. */
    private static void concurrentReads(LedgerUnderTest ledger, List<ProgrammeId> programmes, double singleReaderRate,
                                        double bestHttpRate) throws Exception {
        int level = programmes.size() / 2;
        String label = String.format(Locale.ROOT, "%,d history events", Seeding.historyEvents(ledger.sizes().history().get(level)));
        new ConcurrentReads(ledger.sizes(), ledger.report(), ledger.log(), path -> ledger.timeGet(path, null), ledger::postDelivery)
                .run(programmes.get(level), label, level, singleReaderRate, ledger.appendTargets("reads"), Math.max(1, bestHttpRate / 2));
    }
}
