package org.onewindow.shared.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether the platform has lost its database: known for certain while the watchdog restarts the
 * embedded PostgreSQL, and recognised in a failure (no connection, a connection cut, the server
 * shutting down) for a database of any kind. A request that fails this way is a temporary outage
 * (503, try again), not the caller's fault nor a defect.
 */
@Component
public class DatabaseOutage {

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final ThreadLocal<Boolean> lostHere = new ThreadLocal<>();

    /** True while the database is known to be down. */
    public boolean isOngoing() {
        return since.get() != null;
    }

    /** Whether the work on this thread (one request) failed to reach the database since {@link #forgetThisThread()}. */
    boolean lostOnThisThread() {
        return lostHere.get() != null;
    }

    /** Called where the pool fails to reach the database: a request that then fails, even as a refused sign-in, is an outage. */
    void noticed(SQLException failure) {
        if (explains(failure)) {
            lostHere.set(Boolean.TRUE);
        }
    }

    void forgetThisThread() {
        lostHere.remove();
    }

    void begin(Instant now) {
        since.compareAndSet(null, now);
    }

    void end() {
        since.set(null);
    }

    /** Whether {@code failure}, or one of its causes, means the database could not be reached. */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
