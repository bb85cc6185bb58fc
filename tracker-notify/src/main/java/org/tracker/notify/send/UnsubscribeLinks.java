package org.tracker.notify.send;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.notify.NotifyProperties;

/**
 * Links that let an email's recipient stop a subscription without an account: the subscription's id and a MAC of it
 * under a key made once per installation, so nobody can forge a link for a subscription they did not receive.
 */
@Component
public class UnsubscribeLinks {

    private static final int MAC_BYTES = 16;

    private final JdbcTemplate jdbc;
    private final String publicUrl;
    private volatile byte[] key;

    public UnsubscribeLinks(JdbcTemplate jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    public String link(UUID subscription) {
        return publicUrl + "/unsubscribe/" + token(subscription);
    }

    String token(UUID subscription) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + MAC_BYTES);
        buffer.putLong(subscription.getMostSignificantBits()).putLong(subscription.getLeastSignificantBits());
        buffer.put(mac(subscription));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The subscription a token names, if the token is genuine. */
    public Optional<UUID> subscriptionOf(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != 16 + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID subscription = new UUID(buffer.getLong(), buffer.getLong());
        byte[] given = Arrays.copyOfRange(bytes, 16, bytes.length);
        return MessageDigest.isEqual(given, mac(subscription)) ? Optional.of(subscription) : Optional.empty();
    }

    private byte[] mac(UUID subscription) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(
                    mac.doFinal(subscription.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private byte[] key() {
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.update(
                    "insert into notify_key (name, secret) values ('unsubscribe', ?) on conflict do nothing", fresh);
            key = jdbc.queryForObject("select secret from notify_key where name = 'unsubscribe'", byte[].class);
        }
        return key;
    }
}
