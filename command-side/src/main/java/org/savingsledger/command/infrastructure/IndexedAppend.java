package org.savingsledger.command.infrastructure;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.savingsledger.command.infrastructure.LedgerCommandBus.LatestEvent;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Axon's own insert of a command's events, which also asks the database for the global index it gave
 * each row (JDBC generated keys: the insert's {@code returning}, no second statement) and keeps the last
 * event of each aggregate with the unit of work that appended it. That index is the command's
 * consistency token ({@link LedgerCommandBus}), known the moment the append ran, inside the committing
 * transaction, and never looked up again.
 *
 * <p>Axon builds and runs the statement and closes it itself, so the generated keys are read as its
 * batch finishes, through a thin proxy of the connection and the statement; the SQL and its parameters
 * stay Axon's ({@link JdbcEventStorageEngineStatements#appendEvents}).
 */
final class IndexedAppend implements AppendEventsStatementBuilder {

    /** Unit-of-work resource: aggregate id to the {@link LatestEvent} this unit of work appended for it. */
    private static final String APPENDED = IndexedAppend.class.getName();

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        String[] keys = {schema.globalIndexColumn()};
        Connection returningKeys = proxy(Connection.class, connection, (target, method, args) ->
                "prepareStatement".equals(method.getName()) && args != null && args.length == 1
                        ? indexing(connection.prepareStatement((String) args[0], keys), events)
                        : method.invoke(connection, args));
        return JdbcEventStorageEngineStatements.appendEvents(returningKeys, schema, dataType, events, serializer,
                timestampWriter);
    }

    /** The last event {@code unitOfWork} appended to {@code aggregateId}, if it appended any. */
    static Optional<LatestEvent> appendedBy(UnitOfWork<?> unitOfWork, String aggregateId) {
        Map<String, LatestEvent> appended = unitOfWork.root().getResource(APPENDED);
        return Optional.ofNullable(appended == null ? null : appended.get(aggregateId));
    }

    private static PreparedStatement indexing(PreparedStatement statement, List<? extends EventMessage<?>> events) {
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            Object result = method.invoke(statement, args);
            if ("executeBatch".equals(method.getName())) {
                remember(statement, events);
            }
            return result;
        });
    }

    /** Generated keys come back in the order the rows were added to the batch, which is the events' order. */
    private static void remember(PreparedStatement statement, List<? extends EventMessage<?>> events) throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Map<String, LatestEvent> latest = new HashMap<>();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            for (EventMessage<?> event : events) {
                if (!keys.next()) {
                    return; // fewer keys than rows: keep nothing, the token is then read after the append
                }
                if (event instanceof DomainEventMessage<?> domain) {
                    latest.put(domain.getAggregateIdentifier(), new LatestEvent(domain.getAggregateIdentifier(),
                            domain.getSequenceNumber(), keys.getLong(1)));
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, LatestEvent> appended = (Map<String, LatestEvent>) CurrentUnitOfWork.get().root().resources()
                .computeIfAbsent(APPENDED, key -> new HashMap<String, LatestEvent>());
        appended.putAll(latest);
    }

    private interface Call {
        Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(IndexedAppend.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
