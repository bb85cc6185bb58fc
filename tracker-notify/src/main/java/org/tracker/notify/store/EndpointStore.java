package org.tracker.notify.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tracker.notify.store.WebhookEndpoint.Secret;

/** Webhook endpoints and their health: failing since when, disabled why. */
@Repository
public class EndpointStore {

    private static final TypeReference<List<Secret>> SECRETS = new TypeReference<>() {};

    /** An endpoint fails as the destination of its deliveries does, which the dispatchers keep. */
    private static final String READ = "select e.id, e.account, e.url, e.description, e.secrets, e.disabled_at,"
            + " e.disabled_reason, w.failing_since, e.created_at from notify_webhook_endpoint e left join"
            + " notify_destination w on w.channel = 'WEBHOOK' and w.target = e.id::text";

    private final JdbcTemplate jdbc;
    private final NotifyJson json;

    public EndpointStore(JdbcTemplate jdbc, NotifyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void create(WebhookEndpoint endpoint) {
        jdbc.update(
                "insert into notify_webhook_endpoint (id, account, url, description, secrets, created_at) values (?, ?,"
                        + " ?, ?, cast(? as jsonb), ?)",
                endpoint.id(),
                endpoint.account(),
                endpoint.url(),
                endpoint.description(),
                json.write(endpoint.secrets()),
                Timestamp.from(endpoint.createdAt()));
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.query(READ + " where e.id = ?", this::row, id).stream().findFirst();
    }

    /** The endpoints among these ids that exist, by id. */
    public Map<UUID, WebhookEndpoint> find(Collection<UUID> ids) {
        Map<UUID, WebhookEndpoint> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement(READ + " where e.id = any(?)");
                        statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                        return statement;
                    },
                    (ResultSet rs) -> {
                        WebhookEndpoint endpoint = row(rs, 0);
                        found.put(endpoint.id(), endpoint);
                    });
        }
        return found;
    }

    public Optional<WebhookEndpoint> find(UUID id, String account) {
        return find(id).filter(endpoint -> endpoint.account().equals(account));
    }

    public List<WebhookEndpoint> ofAccount(String account) {
        return jdbc.query(READ + " where e.account = ? order by e.created_at", this::row, account);
    }

    /** Puts a new secret first; the current one keeps signing for {@code overlap}, so receivers can switch. */
    public void rotate(WebhookEndpoint endpoint, String newSecret, Instant now, java.time.Duration overlap) {
        List<Secret> secrets = new ArrayList<>();
        secrets.add(new Secret(newSecret, null));
        for (Secret old : endpoint.secrets()) {
            Instant until = old.until() == null ? now.plus(overlap) : old.until();
            if (until.isAfter(now)) {
                secrets.add(new Secret(old.secret(), until));
            }
        }
        jdbc.update(
                "update notify_webhook_endpoint set secrets = cast(? as jsonb) where id = ?",
                json.write(secrets),
                endpoint.id());
    }

    public void disable(UUID id, String reason, Instant now) {
        jdbc.update(
                "update notify_webhook_endpoint set disabled_at = ?, disabled_reason = ? where id = ? and disabled_at is null",
                Timestamp.from(now),
                reason,
                id);
    }

    public void enable(UUID id) {
        jdbc.update("update notify_webhook_endpoint set disabled_at = null, disabled_reason = null where id = ?", id);
    }

    public boolean delete(UUID id, String account) {
        return jdbc.update("delete from notify_webhook_endpoint where id = ? and account = ?", id, account) == 1;
    }

    private WebhookEndpoint row(ResultSet rs, int rowNumber) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("account"),
                rs.getString("url"),
                rs.getString("description"),
                json.read(rs.getString("secrets"), SECRETS),
                instant(rs, "disabled_at"),
                rs.getString("disabled_reason"),
                instant(rs, "failing_since"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
