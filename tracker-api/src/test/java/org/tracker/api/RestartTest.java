package org.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tracker.infra.EmbeddedKafkaServer;

/**
 * Facts are accepted while the broker is down, then the tracker and the broker are both stopped and started again:
 * every accepted fact ends up once in the store, on the topic and in the projection.
 */
class RestartTest {

    static final String TOPIC = "tracker.events.restart";

    @TempDir
    Path kafkaData;

    @Test
    void stoppingTheTrackerAndTheBrokerLosesAndDuplicatesNothing() throws Exception {
        String database = TestServers.newDatabase();
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(kafkaData, 0);
        int kafkaPort = kafka.port();
        ConfigurableApplicationContext tracker = start(database, kafka.bootstrapServers(), "before");
        try {
            introduceAndRefer(tracker, 0, 10);
            awaitProjected(tracker, 10);

            kafka.close();
            introduceAndRefer(tracker, 10, 15);
            tracker.close();

            kafka = EmbeddedKafkaServer.start(kafkaData, kafkaPort);
            tracker = start(database, kafka.bootstrapServers(), "after");
            introduceAndRefer(tracker, 15, 20);
            awaitProjected(tracker, 20);

            JdbcTemplate jdbc = tracker.getBean(JdbcTemplate.class);
            Set<String> stored =
                    new HashSet<>(jdbc.queryForList("select eventidentifier from domainevententry", String.class));
            assertThat(stored).hasSize(20 * 3);
            String bootstrap = kafka.bootstrapServers();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> published = TopicReader.readAll(bootstrap, TOPIC);
                Set<String> publishedIds = new HashSet<>();
                published.forEach(r -> publishedIds.add(TopicReader.header(r, "axon-message-id")));
                assertThat(publishedIds).isEqualTo(stored);
            });
            assertThat(jdbc.queryForObject(
                            "select count(*) from measure where kind = 'BILL' and status = 'REFERRED' and last_sequence = 2",
                            Integer.class))
                    .isEqualTo(20);
        } finally {
            tracker.close();
            kafka.close();
        }
    }

    private static void introduceAndRefer(ConfigurableApplicationContext tracker, int from, int to) {
        Api api = new Api(((WebServerApplicationContext) tracker).getWebServer().getPort());
        for (int n = from; n < to; n++) {
            String id = "hr" + (9000 + n) + "-119";
            assertThat(api.post(
                                    "/api/bills",
                                    """
                            {"billId": "%s", "title": "Restart test bill %d", "introducedOn": "2025-03-01"}
                            """
                                            .formatted(id, n))
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(
                                    "/api/bills/" + id + "/actions",
                                    """
                            {"action": {"date": "2025-03-01", "text": "Referred to the House Committee on Foreign Affairs.",
                                        "source": "HOUSE_FLOOR"}}
                            """)
                            .status())
                    .isEqualTo(201);
        }
    }

    private static void awaitProjected(ConfigurableApplicationContext tracker, int bills) {
        JdbcTemplate jdbc = tracker.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from measure where status = 'REFERRED'", Integer.class),
                        count -> count == bills);
    }

    /**
     * @param groups names the consumer groups. The first context's consumers cannot leave their groups while the broker
     *     is down, and in this one JVM their heartbeat threads outlive the context (a real process exits with them),
     *     so the restarted broker would wait minutes for them to rejoin before giving the second context any
     *     partition. The second context reads as new groups instead, from the topic's start, which the sequence check
     *     makes harmless; the store and the relay's position, which this test is about, are the same.
     */
    private static ConfigurableApplicationContext start(String database, String bootstrap, String groups) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestServers.postgres().jdbcUrl(database),
                        "--spring.datasource.username=" + TestServers.postgres().username(),
                        "--spring.datasource.password=" + TestServers.postgres().password(),
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.kafka.consumer.group-id=projections-restart-" + groups,
                        "--tracker.notify.group=notifier-restart-" + groups,
                        "--tracker.topic=" + TOPIC,
                        "--tracker.seed=false",
                        "--tracker.api-token=" + TestServers.TOKEN);
    }
}
