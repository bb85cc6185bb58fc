package org.tracker.notify.store;

import java.time.Instant;
import java.util.List;
import org.tracker.notify.rule.Subscription;
import org.tracker.notify.store.Outbox.Decided;

/**
 * What alerts say, fixed when the outbox records them so that every attempt sends the same bytes: the alert as kept
 * with it, which a digest gathers later, and the body of each delivery. The messages are made in {@code send}, where
 * emails are made from them too; the outbox sees them through this interface because the store may not depend on the
 * senders, which depend on it.
 */
public interface MessageFormat {

    /** The alert as kept with it. */
    String alert(Decided decided);

    /** The body of a delivery that carries one alert. */
    String alertBody(Decided decided, Instant timestamp);

    /**
     * The body of a delivery that carries a digest.
     *
     * @param alerts the alerts it gathers, each as {@link #alert} made it
     */
    String digestBody(Subscription subscription, Instant from, Instant to, List<String> alerts);
}
