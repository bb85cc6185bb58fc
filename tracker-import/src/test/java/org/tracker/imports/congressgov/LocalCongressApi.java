package org.tracker.imports.congressgov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracker.imports.Fixtures;

/**
 * A congress.gov on this machine: the JDK's HTTP server answering the API's paths with the real responses in the
 * shared fixtures. H.R. 21 of the 117th Congress is the one bill the fixtures describe; any other number of the 117th
 * is answered with H.R. 21's responses renumbered, so that a list can have a bill on each page. The list pages are
 * made from the fixture's list, with the bills a test asks for.
 */
final class LocalCongressApi implements AutoCloseable {

    static final String KEY = "local-test-key";

    private static final Pattern BILL = Pattern.compile("/v3/bill/117/hr/(\\d+)(?:/(actions|cosponsors|titles))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private volatile List<List<Integer>> listPages = List.of();
    private volatile Map<String, String> rewrites = Map.of();
    private volatile Map<String, String> brokenPaths = Map.of();
    private volatile int listStatus = 200;
    private volatile String nextHost;
    private volatile boolean countMovesOnLastPage;

    LocalCongressApi() {
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

    /** The bills the list names, by H.R. number, a list per page. */
    void listing(List<List<Integer>> pages) {
        listPages = List.copyOf(pages);
    }

    /** Replaces text in every bill response from now on, as a record reprocessed or changed would. */
    void rewriting(String text, String replacement) {
        Map<String, String> more = new HashMap<>(rewrites);
        more.put(text, replacement);
        rewrites = Map.copyOf(more);
    }

    /** Answers a path with a body that is not JSON. */
    void breaking(String path) {
        brokenPaths = Map.of(path, "<html>Service temporarily unavailable</html>");
    }

    void answeringTheListWith(int status) {
        listStatus = status;
    }

    /** Names a next page on another host, as a tampered response would. */
    void pointingNextPagesAt(String host) {
        nextHost = host;
    }

    /** The list's count changes between its first and last page, as when a bill is updated during a poll. */
    void movingTheListWhilePaging() {
        countMovesOnLastPage = true;
    }

    /** Every request, as path and query. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The key each request carried, or an empty string. */
    List<String> keys() {
        return List.copyOf(keys);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
        try (exchange) {
            if (brokenPaths.containsKey(uri.getPath())) {
                send(exchange, 200, brokenPaths.get(uri.getPath()));
                return;
            }
            if (uri.getPath().equals("/v3/bill")) {
                if (listStatus != 200) {
                    exchange.getResponseHeaders().add("Retry-After", "60");
                    send(exchange, listStatus, "{}");
                    return;
                }
                send(exchange, 200, listPage(uri));
                return;
            }
            Matcher bill = BILL.matcher(uri.getPath());
            if (!bill.matches()) {
                send(exchange, 404, "{\"error\": \"not found\"}");
                return;
            }
            String fixture =
                    bill.group(2) == null ? "bill_117_hr_21.json" : "bill_117_hr_21_" + bill.group(2) + ".json";
            String body = Files.readString(Fixtures.congressApi(fixture));
            body = renumbered(body, bill.group(1));
            for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
                body = body.replace(rewrite.getKey(), rewrite.getValue());
            }
            send(exchange, 200, body);
        }
    }

    private static String renumbered(String body, String number) {
        return body.replace("\"number\": \"21\"", "\"number\": \"" + number + "\"")
                .replace("\"billNumber\": \"21\"", "\"billNumber\": \"" + number + "\"")
                .replace("/hr/21", "/hr/" + number);
    }

    private String listPage(URI uri) throws IOException {
        int page = offset(uri);
        ObjectNode list = (ObjectNode) JSON.readTree(Files.readString(Fixtures.congressApi("bill_117.json")));
        JsonNode template = list.get("bills").get(0);
        ArrayNode bills = list.putArray("bills");
        for (int number : listPages.get(page)) {
            ObjectNode bill = template.deepCopy();
            bill.put("number", String.valueOf(number));
            bill.put("url", base() + "bill/117/hr/" + number + "?format=json");
            bills.add(bill);
        }
        int total = listPages.stream().mapToInt(List::size).sum();
        boolean last = page == listPages.size() - 1;
        ObjectNode pagination = list.putObject("pagination");
        pagination.put("count", countMovesOnLastPage && last && page > 0 ? total - 1 : total);
        if (!last) {
            URI here = base().resolve("bill?offset=" + (page + 1) + "&limit=1&format=json");
            pagination.put(
                    "next", nextHost == null ? here.toString() : here.toString().replace(here.getHost(), nextHost));
        }
        return JSON.writeValueAsString(list);
    }

    private static int offset(URI uri) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Matcher offset = Pattern.compile("(?:^|&)offset=(\\d+)").matcher(query);
        return offset.find() ? Integer.parseInt(offset.group(1)) : 0;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
