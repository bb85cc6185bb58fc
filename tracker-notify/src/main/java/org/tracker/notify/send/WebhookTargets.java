package org.tracker.notify.send;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tracker.notify.NotifyProperties;

/**
 * Keeps webhooks out of the tracker's own network: a URL whose host resolves to a loopback, private, link-local or
 * otherwise internal address is refused, unless an operator allowed that network. Checked when an endpoint is
 * registered and again before every attempt, since a name can come to resolve elsewhere; an attempt then connects to
 * the addresses that were checked, never to a second lookup's, which a hostile name server could point inside.
 */
@Component
public class WebhookTargets {

    /** Looks a host name up; DNS in production, a stand-in where a test needs names to change their answers. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A URL whose host resolved only to addresses a webhook may reach.
     *
     * @param addresses every address the host resolved to, in the resolver's order; none is internal
     */
    public record Target(URI uri, List<InetAddress> addresses) {}

    /** IPv6 addresses that a NAT64 gateway turns into any IPv4 address, internal ones included. */
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    @Autowired
    public WebhookTargets(NotifyProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    WebhookTargets(NotifyProperties properties, HostResolver resolver) {
        this.allowed =
                properties.allowedWebhookNetworks().stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /** Thrown with a reason a person can act on. */
    public static class RefusedTarget extends Exception {
        RefusedTarget(String message) {
            super(message);
        }
    }

    public Target check(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedTarget("'" + url + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedTarget("A webhook URL starts with https:// (or http://).");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new RefusedTarget("A webhook URL names a host, without user or password.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTarget("The host '" + uri.getHost() + "' cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
                throw new RefusedTarget("'" + uri.getHost() + "' resolves to " + address.getHostAddress()
                        + ", an internal address; webhooks may reach it only if an operator allows its network in"
                        + " tracker.notify.allowed-webhook-networks.");
            }
        }
        return new Target(uri, List.of(addresses));
    }

    static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc)
                || (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64)
                || (bytes.length == 4 && bytes[0] == 0)
                || (bytes.length == 4 && (bytes[0] & 0xf0) == 0xf0)
                || (bytes.length == 4 && (bytes[0] & 0xff) == 198 && (bytes[1] & 0xfe) == 18)
                || NAT64.contains(address);
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a network such as 127.0.0.0/8", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
