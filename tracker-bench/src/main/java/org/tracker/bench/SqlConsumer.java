package org.tracker.bench;

import java.sql.SQLException;

/** Takes one item, and may fail as JDBC does. */
@FunctionalInterface
interface SqlConsumer<T> {
    void accept(T item) throws SQLException;
}
