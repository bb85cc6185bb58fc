package org.tracker.notify.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.rule.Subscription;

/** Subscriptions, each visible only to its account. A deleted one is kept (marked) so that its alerts stay explained. */
@Repository
public class SubscriptionStore {

    private static final String COLUMNS = "id, definition, paused, created_at";

    private final JdbcTemplate jdbc;
    private final NotifyJson json;

    public SubscriptionStore(JdbcTemplate jdbc, NotifyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void create(Subscription subscription) {
        jdbc.update(
                "insert into notify_subscription (id, account, definition, paused, digest, deadlines, created_at,"
                        + " updated_at) values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)",
                subscription.id(),
                subscription.account(),
                json.write(subscription),
                subscription.paused(),
                subscription.schedule().digest(),
                subscription.wantsDeadlines(),
                Timestamp.from(subscription.createdAt()),
                Timestamp.from(subscription.createdAt()));
    }

    /** Replaces what a subscription follows, when and how; its id, account and creation time stay. */
    public boolean replace(Subscription subscription, Instant now) {
        return jdbc.update(
                        "update notify_subscription set definition = cast(? as jsonb), paused = ?, paused_reason = null,"
                                + " digest = ?, deadlines = ?, updated_at = ?, revision = nextval('notify_subscription_revision') where id = ? and account = ? and deleted_at is null",
                        json.write(subscription),
                        subscription.paused(),
                        subscription.schedule().digest(),
                        subscription.wantsDeadlines(),
                        Timestamp.from(now),
                        subscription.id(),
                        subscription.account())
                == 1;
    }

    public boolean pause(UUID id, String account, boolean paused, String reason, Instant now) {
        return jdbc.update(
                        "update notify_subscription set paused = ?, paused_reason = ?, updated_at = ?, revision = nextval('notify_subscription_revision') where id = ? and"
                                + " account = ? and deleted_at is null",
                        paused,
                        paused ? reason : null,
                        Timestamp.from(now),
                        id,
                        account)
                == 1;
    }

    /** Pauses a subscription on its recipient's word, whoever's account it is: the unsubscribe link. */
    public Optional<Subscription> unsubscribe(UUID id, Instant now) {
        jdbc.update(
                "update notify_subscription set paused = true, paused_reason = 'unsubscribed by its email recipient',"
                        + " updated_at = ?, revision = nextval('notify_subscription_revision') where id = ? and deleted_at is null",
                Timestamp.from(now),
                id);
        return jdbc
                .query(
                        "select " + COLUMNS + " from notify_subscription where id = ? and deleted_at is null",
                        this::row,
                        id)
                .stream()
                .findFirst();
    }

    public boolean delete(UUID id, String account, Instant now) {
        return jdbc.update(
                        "update notify_subscription set deleted_at = ?, updated_at = ?, revision = nextval('notify_subscription_revision') where id = ? and account = ? and"
                                + " deleted_at is null",
                        Timestamp.from(now),
                        Timestamp.from(now),
                        id,
                        account)
                == 1;
    }

    public Optional<Subscription> find(UUID id, String account) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from notify_subscription where id = ? and account = ? and deleted_at is null",
                        this::row,
                        id,
                        account)
                .stream()
                .findFirst();
    }

    public Optional<String> pausedReason(UUID id) {
        return jdbc
                .queryForList("select paused_reason from notify_subscription where id = ?", String.class, id)
                .stream()
                .filter(reason -> reason != null)
                .findFirst();
    }

    public List<Subscription> ofAccount(String account) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from notify_subscription where account = ? and deleted_at is null order by created_at",
                this::row,
                account);
    }

    /**
     * Every subscription that may alert now: not paused, not deleted. Read again only when one changed (every change
     * takes a new {@code revision}), since the notifier asks for every batch it reads.
     */
    public List<Subscription> active() {
        Long version = jdbc.queryForObject("select coalesce(max(revision), 0) from notify_subscription", Long.class);
        Active cached = active;
        if (cached != null && cached.version().equals(version)) {
            return cached.subscriptions();
        }
        List<Subscription> subscriptions = jdbc.query(
                "select " + COLUMNS + " from notify_subscription where not paused and deleted_at is null", this::row);
        active = new Active(version, List.copyOf(subscriptions));
        return active.subscriptions();
    }

    private record Active(Long version, List<Subscription> subscriptions) {}

    private volatile Active active;

    public List<Subscription> activeWithDeadlines() {
        return jdbc.query(
                "select " + COLUMNS + " from notify_subscription where deadlines and not paused and deleted_at is null",
                this::row);
    }

    public List<Subscription> activeDigests() {
        return jdbc.query(
                "select " + COLUMNS + " from notify_subscription where digest and not paused and deleted_at is null",
                this::row);
    }

    private Subscription row(ResultSet rs, int rowNumber) throws SQLException {
        Subscription stored = json.read(rs.getString("definition"), Subscription.class);
        return stored.paused(rs.getBoolean("paused"));
    }
}
