package org.tracker.api.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.tracker.imports.Fixtures;

/**
 * congress.gov on this machine: the JDK's HTTP server answering the API's paths with the real responses in the shared
 * fixtures, for a list that names one bill, H.R. 21 of the 117th Congress, the bill they describe.
 */
final class LocalCongressGov implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    LocalCongressGov() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v3/", this::answer);
        server.start();
    }

    URI base() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/v3/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    switch (exchange.getRequestURI().getPath()) {
                        case "/v3/bill" -> listOfHr21();
                        case "/v3/bill/117/hr/21" -> fixture("bill_117_hr_21.json");
                        case "/v3/bill/117/hr/21/actions" -> fixture("bill_117_hr_21_actions.json");
                        case "/v3/bill/117/hr/21/cosponsors" -> fixture("bill_117_hr_21_cosponsors.json");
                        case "/v3/bill/117/hr/21/titles" -> fixture("bill_117_hr_21_titles.json");
                        default -> null;
                    };
            byte[] bytes = (body == null ? "{\"error\": \"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The fixture's list page, with its first bill made H.R. 21 and the others and the next page left out. */
    private static String listOfHr21() throws IOException {
        ObjectNode list = (ObjectNode) JSON.readTree(fixture("bill_117.json"));
        ObjectNode hr21 = list.get("bills").get(0).deepCopy();
        hr21.put("number", "21");
        list.putArray("bills").add(hr21);
        list.putObject("pagination").put("count", 1);
        return JSON.writeValueAsString(list);
    }

    private static String fixture(String file) throws IOException {
        return Files.readString(Fixtures.congressApi(file));
    }
}
