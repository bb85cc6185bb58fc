package org.tracker.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Pages' live streams, as a browser opens them: {@code GET /live}, each on a connection and a plain thread of its own,
 * reading Server-Sent Events line by line. Each stream notes when it first received a "change" event naming each
 * measure the benchmark waits for. Plain sockets rather than {@code java.net.http}: closing one ends its connection at
 * once, so the tracker has no stream left open when it stops.
 */
final class LiveStreamClients implements AutoCloseable {

    /** An arrival not (yet) seen. */
    private static final long NONE = Long.MIN_VALUE;

    private final int streams;
    private final CountDownLatch opened;
    /** The measures awaited, each with its slot in {@link #arrivals}. */
    private final Map<String, Integer> awaited = new ConcurrentHashMap<>();
    /** Slot {@code fact * streams + stream}: when that stream received that fact's change, in nanos. */
    private final AtomicLongArray arrivals;

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean closing;

    /**
     * Opens {@code streams} streams and returns once each has received the server's {@code :open} comment.
     *
     * @param facts how many facts will be awaited at most
     */
    LiveStreamClients(int port, int streams, int facts, Duration patience) throws InterruptedException {
        this.streams = streams;
        this.opened = new CountDownLatch(streams);
        this.arrivals = new AtomicLongArray(streams * facts);
        for (int i = 0; i < arrivals.length(); i++) {
            arrivals.set(i, NONE);
        }
        for (int stream = 0; stream < streams; stream++) {
            Socket socket = new Socket();
            sockets.add(socket);
            int index = stream;
            Thread reader = new Thread(() -> read(socket, port, index), "bench-stream-" + stream);
            reader.setDaemon(true);
            readers.add(reader);
            reader.start();
        }
        if (!opened.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(opened.getCount() + " of " + streams + " streams did not open within "
                    + patience.toSeconds() + " s");
        }
    }

    /** From now on, a change naming {@code measureId} counts as fact {@code fact}'s arrival. */
    void await(String measureId, int fact) {
        awaited.put(measureId, fact);
    }

    /** When stream {@code stream} received fact {@code fact}'s change, or {@code null}. */
    Long arrival(int fact, int stream) {
        long at = arrivals.get(fact * streams + stream);
        return at == NONE ? null : at;
    }

    /** How many streams have received fact {@code fact}'s change. */
    int arrived(int fact) {
        int count = 0;
        for (int stream = 0; stream < streams; stream++) {
            if (arrival(fact, stream) != null) {
                count++;
            }
        }
        return count;
    }

    private void read(Socket socket, int port, int stream) {
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /live HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = headerLine(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("/live answered " + status);
            }
            boolean chunked = false;
            for (String header = headerLine(in); !header.isEmpty(); header = headerLine(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(chunked ? new Dechunked(in) : in, StandardCharsets.UTF_8));
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":open")) {
                    opened.countDown();
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:") && "change".equals(event)) {
                    long now = System.nanoTime();
                    String data = line;
                    awaited.forEach((measureId, fact) -> {
                        if (data.contains("\"id\":\"" + measureId + "\"")) {
                            arrivals.compareAndSet(fact * streams + stream, NONE, now);
                        }
                    });
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException | IllegalStateException e) {
            if (!closing) {
                System.err.println("stream " + stream + " ended: " + e);
            }
        }
    }

    /** A line of the response's head, without its CRLF. */
    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended in the response's head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The body of a chunked response (RFC 9112, 7.1), without the chunks' sizes and extensions. */
    private static final class Dechunked extends InputStream {

        private final InputStream in;
        private long left;
        private boolean ended;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                String size = headerLine(in);
                int extension = size.indexOf(';');
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
                if (left == 0) {
                    ended = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read < 0) {
                throw new IOException("the connection ended inside a chunk");
            }
            left -= read;
            if (left == 0) {
                headerLine(in);
            }
            return read;
        }
    }

    /** Closes every stream, so that the tracker has no open request left when it stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closed already, or never connected: nothing is left open either way.
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread reader : readers) {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
