package org.savingsledger.ops.bench;

import org.savingsledger.events.LedgerEvent;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.savingsledger.ops.bench.BenchReport.millis;
import static org.savingsledger.ops.bench.BenchReport.ratio;

/**
 * The web interface's pages, rendered by the server, over HTTP on loopback: one programme of savings with
 * ten financial years of history (a profile over ten years, then deliveries, slips, bring-forwards,
 * corrections and RAG changes spread over those years, recorded as they took effect, and a committee's
 * quarterly reports), loaded into the event store; then, signed in with the form as a browser would, its
 * organisation's page, the programme's page and the savings' pages (every saving in turn), now and as at
 * halfway through the history, one at a time, each after a warm-up.
 */
record Pages(LedgerUnderTest ledger) {

    static final String WORKLOAD = "Pages";

    /** Under 200 ms server-side for a programme of 100 savings with 10 years of history. */
    static final double TARGET_MILLIS = 200;

    static final int YEARS = 10;

    /** The history runs from 2016/17 to 2025/26, recorded as it took effect: all of it before now. */
    static final int FIRST_YEAR = 2016;

    /** Halfway through the history: the start of 2021/22. */
    static final String AS_AT = LocalDate.of(FIRST_YEAR + YEARS / 2, 4, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();

    /** The programme's size and how many pages are timed of each kind. */
    record Size(int savings, int changesPerSaving, int reports, int warmup, int samples) {

        static Size of(BenchSizes sizes) {
            return switch (sizes.name()) {
                case "tiny" -> new Size(5, 10, 4, 2, 10);
                case "full" -> new Size(100, 40, 40, 100, 1000);
                default -> new Size(100, 40, 40, 50, 300);
            };
        }

        LedgerGenerator.Shape shape() {
            return new LedgerGenerator.Shape(1, 1, savings, YEARS, changesPerSaving, reports);
        }
    }

    void run(String user, String password) throws Exception {
        Size size = Size.of(ledger.sizes());
        long seed = ledger.seeds().pages();
        String suffix = Long.toString(Math.abs(seed), 36);
        String organisation = "council-000-" + suffix;
        String programme = "council-000-p0-" + suffix;
        ledger.log("pages: loading a programme of " + size.savings() + " savings over " + YEARS + " years");
        Map<String, Long> kinds = new TreeMap<>();
        long events = ledger.load(new LedgerGenerator(size.shape(), seed, FIRST_YEAR), event -> count(kinds, event));
        ledger.awaitReadModels(ledger.headIndex(), Duration.ofMinutes(10));
        PageSession browser = PageSession.signIn(ledger.port(), user, password);
        String programmeLabel = String.format(Locale.ROOT, "a programme of %d savings × %d years (%,d events)",
                size.savings(), YEARS, events);
        for (String asAt : new String[] {null, AS_AT}) {
            String query = asAt == null ? "" : "?asAt=" + asAt;
            String when = asAt == null ? "" : ", asAt " + asAt + " (halfway)";
            time(browser, size, "GET /ui/organisations/{id}, its one programme" + when, i -> "/ui/organisations/" + organisation + query);
            time(browser, size, "GET /ui/programmes/{id}, " + programmeLabel + when, i -> "/ui/programmes/" + programme + query);
            time(browser, size, "GET /ui/savings/{id}, every saving of the programme in turn" + when,
                    i -> "/ui/savings/" + programme + "-s" + (i % size.savings()) + query);
        }
        ledger.report().note(String.format(Locale.ROOT, "Pages: one organisation with one programme of %d savings whose "
                        + "profiles cover %d financial years (%d/%02d to %d/%02d), each saving then changed %d times at "
                        + "intervals spread evenly over those years, and a committee with %d quarterly reports — %,d events "
                        + "(%s), loaded into the event store with each event recorded on the day it took effect (LedgerGenerator, "
                        + "seed %d). Signed in through the sign-in form (the CSRF token read from the form, the cookies the "
                        + "server sets kept), an HTTP client in the same process asks for one page at a time over loopback "
                        + "(connection kept alive, the whole body read) — %d pages of each kind, now and asAt %s, after %d "
                        + "that warm up and are not recorded; the saving pages rotate over every saving. The target is "
                        + "the issue's: under %.0f ms server-side, held here to the p99 of the client's time.",
                size.savings(), YEARS, FIRST_YEAR, (FIRST_YEAR + 1) % 100, FIRST_YEAR + YEARS - 1, (FIRST_YEAR + YEARS) % 100,
                size.changesPerSaving(), size.reports(), events, kinds.entrySet().stream()
                        .map(kind -> String.format(Locale.ROOT, "%,d %s", kind.getValue(), kind.getKey()))
                        .collect(Collectors.joining(", ")), seed, size.samples(), AS_AT, size.warmup(), TARGET_MILLIS));
    }

    private void time(PageSession browser, Size size, String name, IntFunction<String> path) throws Exception {
        ledger.log("pages: " + name);
        Latencies latencies = new Latencies();
        long bytes = 0;
        for (int i = 0; i < size.warmup() + size.samples(); i++) {
            long start = System.nanoTime();
            int length = browser.get(path.apply(i));
            long elapsed = System.nanoTime() - start;
            if (i >= size.warmup()) {
                latencies.recordNanos(elapsed);
                bytes += length;
            }
        }
        ledger.report().add(WORKLOAD, name, String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, max %s; %,d pages of %,d bytes on average",
                        millis(latencies.p50()), millis(latencies.p90()), millis(latencies.p99()), millis(latencies.max()),
                        latencies.count(), bytes / Math.max(1, latencies.count())),
                String.format(Locale.ROOT, "p99 < %.0f ms", TARGET_MILLIS), latencies.p99() < TARGET_MILLIS,
                "p99 " + ratio(latencies.p99() / TARGET_MILLIS) + " of the target");
    }

    private static LedgerEvent count(Map<String, Long> kinds, LedgerEvent event) {
        kinds.merge(event.getClass().getSimpleName(), 1L, Long::sum);
        return event;
    }
}
