package org.savingsledger.command.infrastructure;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A data source that writes down, for the thread that asks, every round trip its connections make to the
 * database: each statement executed (a batch counts once: the driver sends it in one go) and each commit or
 * rollback. Only while {@link #recording} runs, and only on that thread, so background work is not counted.
 */
final class CountingDataSource {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    private CountingDataSource() {
    }

    /** {@code dataSource}, counting. */
    static DataSource wrap(DataSource dataSource) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                Object result = method.invoke(dataSource, args);
                return result instanceof Connection connection ? connection(connection) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        // AutoCloseable too: the pool is closed when the context closes
        return (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class, AutoCloseable.class}, handler);
    }

    /** The round trips {@code work} made on this thread, each as its SQL ("commit", "rollback" for those). */
    static List<String> recording(Runnable work) {
        List<String> recorded = new ArrayList<>();
        RECORDED.set(recorded);
        try {
            work.run();
        } finally {
            RECORDED.remove();
        }
        return recorded;
    }

    private static void record(String what) {
        List<String> recorded = RECORDED.get();
        if (recorded != null) {
            recorded.add(what);
        }
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)) {
                record(name);
            }
            Object result = method.invoke(target, args);
            if (result instanceof PreparedStatement statement) {
                return statement(PreparedStatement.class, statement, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, null);
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                record(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "batch");
            }
            return method.invoke(target, args);
        });
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
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
