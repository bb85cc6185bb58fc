package org.tracker.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.TestServers;

/** An address that keeps presenting unknown tokens is slowed down; a valid token from it still gets in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedAuthenticationTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("tracker.security.failed-authentications-allowed", () -> "5");
    }

    @LocalServerPort
    int port;

    @Test
    void unknownTokensAreThrottledPerAddressAndValidOnesAreNot() {
        RawHttp http = new RawHttp(port);
        for (int i = 0; i < 5; i++) {
            assertThat(http.send("GET", "/api/subscriptions", "trk_guess-" + i, null)
                            .status())
                    .isEqualTo(401);
        }
        RawHttp.Response throttled = http.send("GET", "/api/subscriptions", "trk_guess-6", null);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);

        assertThat(http.send("GET", "/api/subscriptions", TestServers.TOKEN, null)
                        .status())
                .as("a valid token from the same address")
                .isEqualTo(200);
        assertThat(http.send("GET", "/api/measures", null, null).status())
                .as("public reads need no token")
                .isEqualTo(200);
        assertThat(http.send("GET", "/api/subscriptions", "trk_guess-7", null).status())
                .isEqualTo(429);
    }

    @Test
    void clientsAreCountedByAddressAndIpv6HostsByTheirSlash64() {
        assertThat(FailedAuthentications.clientOf("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(FailedAuthentications.clientOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(FailedAuthentications.clientOf("2001:db8:1:2::1"))
                .endsWith("/64");
        assertThat(FailedAuthentications.clientOf("2001:db8:1:3::1"))
                .isNotEqualTo(FailedAuthentications.clientOf("2001:db8:1:2::1"));
    }
}
