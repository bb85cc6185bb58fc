package org.tracker.imports.congressgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Asks the congress.gov API v3 for JSON, through the JDK's HTTP client, within its rate limit. The key goes in a
 * header, never in a URL, so that URLs can be logged and recorded as the source of facts.
 */
public final class CongressGovClient {

    /** Where the API is. */
    public static final URI OFFICIAL = URI.create("https://api.congress.gov/v3/");

    /** The environment variable that holds the api.data.gov key. */
    public static final String API_KEY_VARIABLE = "CONGRESS_API_KEY";

    /** The largest response accepted; a page of 250 actions is a few hundred kilobytes. */
    public static final long MAX_RESPONSE_BYTES = 16_000_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String apiKey;
    private final RequestRateLimiter limiter;
    private final CongressJson json = new CongressJson(MAX_RESPONSE_BYTES);
    // Redirects are not followed: a redirect to another host would carry the key there.
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param base the API's address, ending in a slash ({@link #OFFICIAL}, or a local server in tests) */
    public CongressGovClient(URI base, String apiKey, RequestRateLimiter limiter) {
        if (!base.getPath().endsWith("/")) {
            throw new IllegalArgumentException("the API's address ends in a slash, as in " + OFFICIAL);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("congress.gov needs an api.data.gov key");
        }
        this.base = base;
        this.apiKey = apiKey.strip();
        this.limiter = Objects.requireNonNull(limiter, "a rate limiter");
    }

    /**
     * The official API, with the key from {@value #API_KEY_VARIABLE} and the published rate limit.
     *
     * @param environment the process's environment ({@code System.getenv()})
     */
    public static CongressGovClient official(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("set " + API_KEY_VARIABLE + " to an api.data.gov key for congress.gov"
                    + " (one can be asked for at https://api.congress.gov/sign-up/)");
        }
        return new CongressGovClient(OFFICIAL, key, RequestRateLimiter.congressGov());
    }

    /** @param pathAndQuery relative to the API's address, as in {@code bill/117/hr/21?format=json} */
    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** One response, parsed. */
    JsonNode get(URI uri) throws InterruptedException {
        limiter.acquire();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new CongressGovUnavailableException("cannot reach " + uri + ": " + e.getMessage(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 429) {
                throw new CongressGovUnavailableException("congress.gov refused " + uri + " for the rate limit"
                        + response.headers()
                                .firstValue("Retry-After")
                                .map(seconds -> "; it asks to retry after " + seconds + " s")
                                .orElse(""));
            }
            if (response.statusCode() != 200) {
                throw new CongressGovUnavailableException(
                        "congress.gov answered " + response.statusCode() + " to " + uri);
            }
            return json.parse(body, uri.toString());
        } catch (IOException e) {
            throw new CongressGovUnavailableException("cannot read the answer to " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Every page of a list, following each page's {@code pagination.next}. */
    List<JsonNode> pages(URI first) throws InterruptedException {
        List<JsonNode> pages = new ArrayList<>();
        for (URI page = first; page != null; page = next(pages.get(pages.size() - 1))) {
            pages.add(get(page));
        }
        return pages;
    }

    /**
     * The next page a response names, or null on the last. A next page elsewhere than the API is refused: the key
     * would go with the request.
     */
    URI next(JsonNode page) {
        JsonNode next = page.path("pagination").path("next");
        if (!next.isTextual() || next.asText().isBlank()) {
            return null;
        }
        URI uri = base.resolve(next.asText().strip());
        boolean onTheApi = Objects.equals(uri.getScheme(), base.getScheme())
                && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort()
                && uri.getPath().startsWith(base.getPath());
        if (!onTheApi) {
            throw new CongressGovUnavailableException(
                    "refused to follow a next page outside " + base + ": " + next.asText());
        }
        return uri;
    }
}
