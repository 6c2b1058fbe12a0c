package dev.patchbay.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A transaction of another client, held open on its own connection: it writes, a request runs into its
 * row locks, and the test decides when it commits. {@link #awaitBlocked} waits until PostgreSQL itself
 * reports a backend waiting for this transaction's locks, so the race is set up by the database's
 * state, not by sleeping.
 */
public final class HeldTransaction implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Connection connection;
    private final int backendPid;

    private HeldTransaction(Connection connection) throws SQLException {
        this.connection = connection;
        try (ResultSet pid = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            this.backendPid = pid.getInt(1);
        }
    }

    public static HeldTransaction begin(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return new HeldTransaction(connection);
    }

    /** Runs one statement with these parameters inside the held transaction; returns the rows it changed. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Waits until another backend waits for a lock this transaction holds (fails after a generous bound). */
    public void awaitBlocked(DataSource dataSource) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection observer = dataSource.getConnection();
                PreparedStatement waiting = observer.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            waiting.setInt(1, backendPid);
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("No request waited for the held transaction's locks within " + PATIENCE);
                }
                Thread.sleep(10);
            }
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
