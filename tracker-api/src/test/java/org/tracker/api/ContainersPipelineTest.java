package org.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same path on the servers a production deployment would use, in containers. Runs where a Docker engine is
 * available and is skipped elsewhere; the embedded servers cover the path on every machine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainersPipelineTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("tracker.seed", () -> "false");
        registry.add("tracker.api-token", () -> TestServers.TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void aPostedFactReachesTheProjection() {
        Api api = new Api(port);
        assertThat(api.post(
                                "/api/bills",
                                """
                        {"billId": "hr7645-119", "title": "Ceasefire Compliance Act of 2026",
                         "introducedOn": "2026-02-23"}
                        """)
                        .status())
                .isEqualTo(201);
        api.post(
                "/api/bills/hr7645-119/actions",
                """
                {"action": {"date": "2026-02-23", "text": "Referred to the House Committee on Foreign Affairs.",
                            "source": "HOUSE_FLOOR"}}
                """);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/api/measures/hr7645-119")
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("REFERRED"));
    }
}
