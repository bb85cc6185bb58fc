package org.tracker.notify.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an account receives webhooks, and the secrets they are signed with.
 *
 * @param secrets newest first; while a secret rotates the old one still signs until its {@code until}
 * @param failingSince when the first of the current run of failures happened, or null while it succeeds
 */
public record WebhookEndpoint(
        UUID id,
        String account,
        String url,
        String description,
        List<Secret> secrets,
        Instant disabledAt,
        String disabledReason,
        Instant failingSince,
        Instant createdAt) {

    /** @param until when this secret stops signing, or null while it is the current one */
    public record Secret(String secret, Instant until) {}

    /** The secrets that sign a message sent at {@code now}. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream()
                .filter(secret -> secret.until() == null || secret.until().isAfter(now))
                .map(Secret::secret)
                .toList();
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
