package org.tracker.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed authentications per client address in fixed windows and says when an address has used up its
 * allowance. Only failures are counted and only failures are refused: a valid token is accepted from an address that
 * is being throttled, because that address may be a proxy, a NAT or loopback shared with a guesser. IPv6 clients are
 * counted by their /64, which one host usually holds whole.
 */
final class FailedAuthentications {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthentications.class);

    /** Beyond this many tracked addresses, windows that have ended are dropped; memory stays bounded under a spray. */
    private static final int MAX_TRACKED = 50_000;

    private final int allowed;
    private final Duration window;
    private final Clock clock;
    private final Counter failures;
    private final Counter throttled;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FailedAuthentications(int allowed, Duration window, Clock clock, MeterRegistry meters) {
        this.allowed = allowed;
        this.window = window;
        this.clock = clock;
        this.failures = Counter.builder("tracker.auth.failures")
                .description("Requests refused because their token is unknown or malformed")
                .register(meters);
        this.throttled = Counter.builder("tracker.auth.throttled")
                .description("Failed authentications answered 429 because their address failed too often")
                .register(meters);
    }

    private static final class Window {
        final Instant ends;
        int failures;

        Window(Instant ends) {
            this.ends = ends;
        }
    }

    /**
     * Records a failure from the address.
     *
     * @return how long the address must wait, or {@link Duration#ZERO} while it is within its allowance
     */
    Duration failed(String address, String path) {
        failures.increment();
        Instant now = clock.instant();
        String client = clientOf(address);
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !w.ends.isAfter(now));
        }
        Window current = windows.compute(
                client, (key, w) -> w == null || !w.ends.isAfter(now) ? new Window(now.plus(window)) : w);
        int count;
        synchronized (current) {
            count = ++current.failures;
        }
        if (count == 1) {
            log.atWarn()
                    .addKeyValue("client", client)
                    .addKeyValue("path", path)
                    .log("Authentication failed: unknown or malformed token");
        }
        if (count <= allowed) {
            return Duration.ZERO;
        }
        throttled.increment();
        if (count == allowed + 1) {
            log.atWarn()
                    .addKeyValue("client", client)
                    .addKeyValue("failures", count)
                    .addKeyValue("until", current.ends)
                    .log("Throttling failed authentications from a client until its window ends");
        }
        return Duration.between(now, current.ends);
    }

    static String clientOf(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
