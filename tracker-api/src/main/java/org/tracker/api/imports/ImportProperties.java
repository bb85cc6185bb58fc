package org.tracker.api.imports;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tracker.imports.file.RecordFiles;

/**
 * The import's settings. Every entry point reads files within {@code maxFileBytes}; the HTTP endpoint is bounded
 * first by {@code tracker.max-import-bytes}.
 *
 * @param watchDir a directory whose files are imported as they land, then moved to its {@code done/} or {@code
 *     failed/}; none by default
 * @param watchInterval how often the watched directory is looked at; a file is imported once it is the same at two
 *     looks, so that one still being written is left alone
 * @param maxBytesInFlight how many bytes of request bodies all imports over HTTP may hold at once; a request that does
 *     not fit is asked to come back later
 */
@ConfigurationProperties("tracker.import")
public record ImportProperties(
        @DefaultValue("" + RecordFiles.DEFAULT_MAX_BYTES) long maxFileBytes,
        String watchDir,
        @DefaultValue("2s") Duration watchInterval,
        @DefaultValue("67108864") long maxBytesInFlight,
        @DefaultValue CongressGov congressGov) {

    /**
     * The congress.gov poller, which runs only with an API key.
     *
     * @param apiKey an api.data.gov key, from {@code CONGRESS_API_KEY}
     * @param baseUrl where the API is, ending in a slash
     * @param interval the pause between the end of a poll and the start of the next
     * @param overlap how far before the end of the last window the next one starts, for records the API indexes late
     * @param firstLookBack how far back the first poll of a new tracker looks
     */
    public record CongressGov(
            String apiKey,
            @DefaultValue("https://api.congress.gov/v3/") URI baseUrl,
            @DefaultValue("15m") Duration interval,
            @DefaultValue("1h") Duration overlap,
            @DefaultValue("1d") Duration firstLookBack) {}
}
