package org.tracker.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port on the loopback interface that no one listens on, for a server that must be told its port in advance. */
public final class FreePort {

    private FreePort() {}

    /**
     * Both servers need their port before they bind it (PostgreSQL gets it on its command line, the Kafka controller
     * has to name itself in its quorum voters), so a port is found by letting the OS pick one and releasing it. Another
     * process could take it in between; on a developer machine that is rare enough to accept.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
