package org.savingsledger.ops.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL did in the background during a load, so that a stall of every kind of read can be
 * set beside it: polled every half second on a connection of its own, each checkpoint it completed
 * (with the time it began, from {@code pg_control_checkpoint()}) and each autovacuum and autoanalyze of
 * a table ({@code pg_stat_user_tables}' counts), as seconds into the load when first seen.
 */
final class StoreActivity implements AutoCloseable {

    /** Something the store did, first seen {@code seenNanosIntoLoad} after the load began. */
    record Seen(long seenNanosIntoLoad, String what) {
    }

    private static final String TABLES = "select relname, autovacuum_count, autoanalyze_count from pg_stat_user_tables";

    private final Connection connection;
    private final long origin;
    private final ScheduledExecutorService poller;
    private final List<Seen> seen = new ArrayList<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private long checkpointEpoch;
    private String failure;

    /**
     * Starts polling; {@code origin} is the load's start on {@link System#nanoTime()}. A store that refuses the
     * questions (a user without the rights) stops the polling, which {@link #text()} says; the load goes on.
     */
    StoreActivity(DataSource dataSource, long origin) throws SQLException {
        this.connection = dataSource.getConnection();
        this.origin = origin;
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-store-activity");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                failure = e.getMessage();
            }
            poller.shutdown();
        }
    }

    private synchronized void poll() throws SQLException {
        boolean first = counts.isEmpty() && checkpointEpoch == 0;
        long now = System.nanoTime() - origin;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet checkpoint = statement.executeQuery(
                    "select extract(epoch from checkpoint_time)::bigint from pg_control_checkpoint()")) {
                checkpoint.next();
                long epoch = checkpoint.getLong(1);
                if (!first && epoch != checkpointEpoch) {
                    long beganAgo = System.currentTimeMillis() / 1000 - epoch;
                    seen.add(new Seen(now, String.format(Locale.ROOT, "a checkpoint (begun %d s before)", beganAgo)));
                }
                checkpointEpoch = epoch;
            }
            try (ResultSet tables = statement.executeQuery(TABLES)) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    long[] now2 = {tables.getLong(2), tables.getLong(3)};
                    long[] before = counts.put(table, now2);
                    if (!first && before != null) {
                        if (now2[0] > before[0]) {
                            seen.add(new Seen(now, "an autovacuum of " + table));
                        }
                        if (now2[1] > before[1]) {
                            seen.add(new Seen(now, "an autoanalyze of " + table));
                        }
                    }
                }
            }
        }
    }

    /** "a checkpoint (begun 28 s before) seen 31.0 s in, an autovacuum of domain_event_entry seen 101.5 s in", or "nothing". */
    synchronized String text() {
        String text = text(seen);
        return failure == null ? text : text + " (polling stopped: " + failure + ")";
    }

    static String text(List<Seen> seen) {
        if (seen.isEmpty()) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder();
        for (Seen one : seen) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s seen %.1f s in",
                    one.what(), one.seenNanosIntoLoad() / 1e9));
        }
        return text.toString();
    }

    @Override
    public void close() throws SQLException {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
