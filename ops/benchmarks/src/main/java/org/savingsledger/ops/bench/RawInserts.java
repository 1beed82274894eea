package org.savingsledger.ops.bench;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append ceiling of the same PostgreSQL: rows shaped like a stored delivery (a copy of the
 * latest one's payload), inserted by plain JDBC into a table of their own, on connections of their
 * own outside the application's pool.
 */
final class RawInserts {

    private static final String INSERT = "insert into bench_raw_event (event_identifier, meta_data, payload,"
            + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final String url;
    private final String user;
    private final String password;
    private final Duration warmup;
    private final byte[] payload;
    private final byte[] metaData;
    private final String payloadType;
    private final AtomicLong sequence = new AtomicLong();

    /** Creates the table (dropping one left behind); {@code warmup} precedes each closed loop's window. */
    RawInserts(DataSource dataSource, Duration warmup) throws SQLException {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        this.url = hikari.getJdbcUrl();
        this.user = hikari.getUsername();
        this.password = hikari.getPassword();
        this.warmup = warmup;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_raw_event");
            statement.execute("drop table if exists bench_raw_directory");
            statement.execute("create table bench_raw_directory (id varchar(255) primary key, version bigint not null,"
                    + " delivered_pence bigint not null)");
            statement.execute("create table bench_raw_event (global_index bigserial primary key,"
                    + " event_identifier varchar(255) not null unique, meta_data bytea, payload bytea not null,"
                    + " payload_revision varchar(255), payload_type varchar(255) not null, time_stamp varchar(255) not null,"
                    + " aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255),"
                    + " unique (aggregate_identifier, sequence_number))");
            try (ResultSet sample = statement.executeQuery("select payload, meta_data, payload_type from domain_event_entry"
                    + " where payload_type like '%SavingDeliveryRecorded' order by global_index desc limit 1")) {
                sample.next();
                payload = sample.getBytes(1);
                metaData = sample.getBytes(2);
                payloadType = sample.getString(3);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void bind(PreparedStatement insert, String aggregate) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, metaData);
        insert.setBytes(3, payload);
        insert.setString(4, "1");
        insert.setString(5, payloadType);
        insert.setString(6, Instant.now().toString());
        insert.setString(7, aggregate);
        insert.setLong(8, sequence.incrementAndGet());
        insert.setString(9, "Saving");
    }

    /** Rows a second, 500 a transaction on one connection, for {@code window}. */
    double batched(Duration window) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            long rows = 0;
            long start = System.nanoTime();
            long end = start + window.toNanos();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 500; i++) {
                    bind(insert, "raw-batch");
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                rows += 500;
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Rows a second, one a transaction, {@code threads} connections in a closed loop. */
    double oneRowPerTransaction(int threads, Duration window) throws Exception {
        ClosedLoop.Measured measured = ClosedLoop.run(threads, warmup, window, new ClosedLoop.Task() {
            private final ThreadLocal<Connection> connections = new ThreadLocal<>();

            @Override
            public void run(int worker) throws Exception {
                Connection connection = connections.get();
                if (connection == null) {
                    connection = connect();
                    connections.set(connection);
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bind(insert, "raw-single-" + worker);
                    insert.executeUpdate();
                }
            }
        });
        return measured.rate();
    }

    /**
     * Transactions a second shaped like a command's round trips, one connection in a closed loop: read a
     * directory row by its key, insert the event row, update the directory row, commit. The store's own
     * work for a delivery, without Axon, the aggregate or JSON: a floor under what any command path that
     * issues these statements can reach.
     */
    double commandShaped(Duration window) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into bench_raw_directory values ('raw-command', 0, 0)");
        }
        ClosedLoop.Measured measured = ClosedLoop.run(1, warmup, window, new ClosedLoop.Task() {
            private Connection connection;

            @Override
            public void run(int worker) throws Exception {
                if (connection == null) {
                    connection = connect();
                    connection.setAutoCommit(false);
                }
                long version;
                try (PreparedStatement read = connection.prepareStatement(
                        "select version, delivered_pence from bench_raw_directory where id = ?")) {
                    read.setString(1, "raw-command");
                    try (ResultSet row = read.executeQuery()) {
                        row.next();
                        version = row.getLong(1);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bind(insert, "raw-command");
                    insert.executeUpdate();
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update bench_raw_directory set version = ?, delivered_pence = delivered_pence + 1 where id = ?")) {
                    update.setLong(1, version + 1);
                    update.setString(2, "raw-command");
                    update.executeUpdate();
                }
                connection.commit();
            }
        });
        return measured.rate();
    }

    void drop() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_raw_directory");
            statement.execute("drop table if exists bench_raw_event");
        }
    }
}
