package org.tracker.api.chain;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A read-only, repeatable-read transaction: every query in it sees the store as it was when the first one ran, so
 * events, links and heads committed together are read together, while appends go on beside it.
 */
final class StoreSnapshot implements AutoCloseable {

    /** Rows fetched per round trip from a cursor: a walk holds one fetch of each table at a time. */
    static final int FETCH_SIZE = 1_000;

    private final Connection connection;

    private StoreSnapshot(Connection connection) {
        this.connection = connection;
    }

    static StoreSnapshot open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return new StoreSnapshot(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
