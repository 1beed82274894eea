package org.savingsledger.ops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.javers.common.date.DateProvider;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.repository.sql.DialectName;
import org.javers.repository.sql.SqlRepositoryBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The alternative on PostgreSQL, the server of the ledger's event store: current state as JSON rows
 * of {@code current_state} and JaVers' SQL repository (its tables, sequences and indexes), all in a
 * schema of its own that is dropped afterwards. One connection, one transaction per command: the
 * current-state replace and its JaVers commits become durable together, as a team would write it.
 */
final class JaversOnPostgres implements JaversBackend {

    private final DataSource dataSource;
    private final String schema;
    private final ObjectMapper json = new ObjectMapper();
    private Connection connection;

    JaversOnPostgres(DataSource dataSource, String run) {
        this.dataSource = dataSource;
        this.schema = "javers_bench_" + run;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Javers open(DateProvider clock) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            statement.execute("create table " + schema + ".current_state (id varchar(255) primary key,"
                    + " type varchar(40) not null, document jsonb not null)");
        }
        Javers javers = JaversBuilder.javers().registerJaversRepository(SqlRepositoryBuilder.sqlRepository()
                        .withConnectionProvider(() -> connection).withDialect(DialectName.POSTGRES).withSchema(schema).build())
                .withDateTimeProvider(clock).build();
        connection.commit();
        return javers;
    }

    @Override
    public void read(String id) {
        try (PreparedStatement select = connection.prepareStatement("select document from " + schema + ".current_state where id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no current state for " + id);
                }
                row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(String id, String type, Map<String, Object> fields) {
        try (PreparedStatement upsert = connection.prepareStatement("insert into " + schema + ".current_state (id, type, document)"
                + " values (?, ?, ?::jsonb) on conflict (id) do update set type = excluded.type, document = excluded.document")) {
            upsert.setString(1, id);
            upsert.setString(2, type);
            upsert.setString(3, json.writeValueAsString(fields));
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection open = connection; Statement statement = open.createStatement()) {
            open.rollback();
            statement.execute("drop schema if exists " + schema + " cascade");
            open.commit();
            open.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the schema " + schema, e);
        } finally {
            connection = null;
        }
    }
}
