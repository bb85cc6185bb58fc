package org.tracker.api.measures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every committed fold, whichever instance ran it, and publishes it here as {@link MeasuresChanged}. It LISTENs
 * on one connection of its own and blocks until PostgreSQL delivers a notification, so nothing polls; each change is
 * read once per instance however many pages are open. A lost connection is opened again and what was logged meanwhile
 * is read from the log, so no change is skipped.
 */
@Component
class MeasureChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeasureChangeFeed.class);

    /** How long the log keeps an entry: a page whose stream was away longer reloads instead of catching up. */
    static final Duration KEPT = Duration.ofHours(1);

    private final DataSource dataSource;
    private final MeasureChanges changes;
    private final ApplicationEventPublisher publisher;

    private volatile Thread listening;
    private long lastSeen;
    private Instant lastForgotten = Instant.MIN;

    MeasureChangeFeed(DataSource dataSource, MeasureChanges changes, ApplicationEventPublisher publisher) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.publisher = publisher;
    }

    @Override
    public synchronized void start() {
        listening = new Thread(this::listen, "measure-change-feed");
        listening.setDaemon(true);
        listening.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = listening;
        listening = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }

    private void listen() {
        while (listening != null) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + MeasureChanges.CHANNEL);
                }
                catchUp(connection);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (listening != null) {
                    PGNotification[] heard = postgres.getNotifications(1000);
                    if (heard != null && heard.length > 0) {
                        List<Long> ids = new ArrayList<>(heard.length);
                        for (PGNotification notification : heard) {
                            ids.add(Long.parseLong(notification.getParameter()));
                        }
                        publish(changes.read(ids));
                    }
                    forgetOldEntries();
                }
            } catch (SQLException | RuntimeException e) {
                if (listening == null) {
                    return;
                }
                log.atWarn()
                        .setCause(e)
                        .log("Lost the database connection that hears committed changes; pages hear nothing new"
                                + " until it is back, and then catch up");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** The first time, from now on; after a lost connection, what was logged while it was away. */
    private void catchUp(Connection connection) throws SQLException {
        if (lastSeen == 0) {
            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("select coalesce(max(id), 0) from measure_change")) {
                rs.next();
                lastSeen = rs.getLong(1);
            }
            return;
        }
        Optional<List<MeasuresChanged>> missed = changes.after(lastSeen, Integer.MAX_VALUE);
        missed.ifPresent(this::publish);
    }

    private void publish(List<MeasuresChanged> heard) {
        for (MeasuresChanged changed : heard) {
            lastSeen = Math.max(lastSeen, changed.id());
            publisher.publishEvent(changed);
        }
    }

    /** Every instance trims the log now and then; trimming it twice is harmless. */
    private void forgetOldEntries() {
        Instant now = Instant.now();
        if (Duration.between(lastForgotten, now).compareTo(Duration.ofMinutes(5)) >= 0) {
            lastForgotten = now;
            changes.forget(KEPT);
        }
    }
}
