package org.tracker.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tracker.api.Api;

/**
 * The first start of a deployment starts every instance at once on an empty store, each with the seed on: the seed
 * must be stored once, whichever instance loads it, and every instance must come up.
 */
class OneSeedTest {

    @Test
    void twoInstancesStartedTogetherOnAnEmptyStoreStoreTheSeedOnce() {
        try (Cluster cluster = Cluster.start(true)) {
            Api api = cluster.a().api();
            // The projection lists the seeded measures as it folds them: the list is whole once it stops growing.
            AtomicInteger listedBefore = new AtomicInteger(-1);
            List<String> measures = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> measureIds(api),
                            ids -> !ids.isEmpty() && ids.size() == listedBefore.getAndSet(ids.size()));

            List<String> repeated = new ArrayList<>();
            for (String measureId : measures) {
                Map<String, Long> facts = Facts.history(api, measureId).stream()
                        .collect(Collectors.groupingBy(OneSeedTest::withoutProvenance, Collectors.counting()));
                facts.forEach((fact, times) -> {
                    if (times > 1) {
                        repeated.add(measureId + " stored " + times + " times: " + fact);
                    }
                });
            }
            // Which instance found the store empty depends on which came first; when both did, the race was run.
            System.out.printf(
                    "cluster: the seed stored %d measures; instances that began loading it: %s%n",
                    measures.size(),
                    Stream.of(cluster.a(), cluster.b())
                            .filter(tracker -> tracker.logged("The event store is empty: loading"))
                            .map(TrackerProcess::name)
                            .toList());
            assertThat(repeated).as("seed facts stored more than once").isEmpty();
        }
    }

    /** What the fact says, without when and by whom it was recorded, which differ between two loads of the seed. */
    private static String withoutProvenance(JsonNode event) {
        ObjectNode fact = event.get("fact").deepCopy();
        fact.remove("provenance");
        return event.get("type").asText() + " " + fact;
    }

    private static List<String> measureIds(Api api) {
        Api.Response list = api.get("/api/measures?size=500");
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().forEach(measure -> ids.add(measure.get("measureId").asText()));
        return ids;
    }
}
