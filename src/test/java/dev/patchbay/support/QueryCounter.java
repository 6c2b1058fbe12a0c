package dev.patchbay.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the app asks of the database, by wrapping the DataSource: every execute* call on any statement of
 * any connection is one round trip ({@link #count()}), and the SQL statements it carries are counted too
 * ({@link #statements()}: more than one where the include engine sends a level's queries together, joined by
 * {@code ;}). Tests read it around one HTTP request, so the asynchronous-request worker's own threads, which poll
 * the database in the background, are not counted.
 */
public final class QueryCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();

    /** Round trips: execute calls. */
    public long count() {
        return executed.get();
    }

    /** SQL statements, counting each of several sent in one execute. */
    public long statements() {
        return statements.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? proxy(Connection.class, connection, this::onConnection) : result;
            });
        }
        return bean;
    }

    private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        if (result instanceof Statement statement) {
            // the text of a prepared statement is given here; a plain statement's comes with its execute call
            int prepared = args != null && args.length > 0 && args[0] instanceof String sql ? statementsIn(sql) : 1;
            Class<? extends Statement> type = statement instanceof java.sql.CallableStatement
                    ? java.sql.CallableStatement.class
                    : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return proxy(type, statement, (t, m, a) -> {
                if (EXECUTE.contains(m.getName()) && !Thread.currentThread().getName().startsWith("patchbay-async")) {
                    executed.incrementAndGet();
                    statements.addAndGet(a != null && a.length > 0 && a[0] instanceof String sql ? statementsIn(sql) : prepared);
                }
                return invoke(t, m, a);
            });
        }
        return result;
    }

    /** Statements in a text: the app's SQL has no semicolon inside a literal, so each one ends a statement. */
    private static int statementsIn(String sql) {
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return (int) text.chars().filter(c -> c == ';').count() + 1;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(QueryCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
