package org.tracker.notify.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.send.WebhookTargets.RefusedTarget;

/** Addresses are IP literals, so that nothing here waits on DNS. */
class WebhookTargetsTest {

    static WebhookTargets allowing(String... networks) {
        return new WebhookTargets(new NotifyProperties(
                true,
                "tracker-notifier",
                "http://localhost:8080",
                "tracker@localhost",
                List.of(Duration.ofSeconds(5)),
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                Duration.ofDays(5),
                Duration.ofSeconds(60),
                8,
                Duration.ofSeconds(30),
                List.of(networks),
                Duration.ofHours(24)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/hooks",
                "http://127.8.9.10:8080/hooks",
                "http://10.0.0.1/hooks",
                "https://10.255.255.254/hooks",
                "http://172.16.0.1/hooks",
                "http://172.31.255.254/hooks",
                "http://192.168.1.20/hooks",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/hooks",
                "http://[fc00::1]/hooks",
                "http://[fd12:3456:789a::1]/hooks",
                "http://[fe80::1]/hooks",
                "http://100.64.0.1/hooks",
                "http://100.127.255.254/hooks",
                "http://0.0.0.0/hooks",
                "http://[::ffff:127.0.0.1]/hooks",
                "http://224.0.0.1/hooks"
            })
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> allowing().check(url))
                .isInstanceOf(RefusedTarget.class)
                .hasMessageContaining("an internal address")
                .hasMessageContaining("tracker.notify.allowed-webhook-networks");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/hooks",
                "https://93.184.216.34:8443/hooks?office=foreign-affairs",
                "https://[2606:2800:220:1:248:1893:25c8:1946]/hooks",
                "http://172.32.0.1/hooks",
                "http://100.128.0.1/hooks",
                "http://11.0.0.1/hooks"
            })
    void publicAddressesAreAccepted(String url) throws RefusedTarget {
        assertThat(allowing().check(url).uri()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ftp://93.184.216.34/hooks", "file:///etc/passwd", "gopher://93.184.216.34/", "93.184.216.34"})
    void onlyHttpAndHttpsAreAccepted(String url) {
        assertThatThrownBy(() -> allowing().check(url))
                .isInstanceOf(RefusedTarget.class)
                .hasMessage("A webhook URL starts with https:// (or http://).");
    }

    @Test
    void aUrlWithUserOrPasswordIsRefused() {
        assertThatThrownBy(() -> allowing().check("https://office:secret@93.184.216.34/hooks"))
                .isInstanceOf(RefusedTarget.class)
                .hasMessage("A webhook URL names a host, without user or password.");
    }

    @Test
    void somethingThatIsNotAUrlIsRefused() {
        assertThatThrownBy(() -> allowing().check("https://93.184.216.34/hooks for the office"))
                .isInstanceOf(RefusedTarget.class)
                .hasMessage("'https://93.184.216.34/hooks for the office' is not a URL.");
    }

    @Test
    void anOperatorCanAllowLoopbackAndOnlyWhatTheyAllow() throws RefusedTarget {
        WebhookTargets targets = allowing("127.0.0.0/8");

        assertThat(targets.check("http://127.0.0.1:8089/hooks").uri())
                .isEqualTo(URI.create("http://127.0.0.1:8089/hooks"));
        assertThat(targets.check("http://127.3.2.1/hooks").uri()).hasHost("127.3.2.1");
        assertThatThrownBy(() -> targets.check("http://10.0.0.1/hooks")).isInstanceOf(RefusedTarget.class);
        assertThatThrownBy(() -> targets.check("http://[::1]/hooks")).isInstanceOf(RefusedTarget.class);
    }

    @Test
    void anAllowedNetworkCoversOnlyItsPrefix() throws RefusedTarget {
        WebhookTargets targets = allowing("10.1.0.0/16", "fd00::/8");

        assertThat(targets.check("http://10.1.200.3/hooks").uri()).hasHost("10.1.200.3");
        assertThat(targets.check("http://[fd00::7]/hooks").uri()).hasHost("[fd00::7]");
        assertThatThrownBy(() -> targets.check("http://10.2.0.1/hooks")).isInstanceOf(RefusedTarget.class);
        assertThatThrownBy(() -> targets.check("http://[fc00::7]/hooks")).isInstanceOf(RefusedTarget.class);
    }

    @Test
    void aMalformedAllowedNetworkIsAConfigurationError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> allowing("127.0.0.0/eight"))
                .withMessage("'127.0.0.0/eight' is not a network such as 127.0.0.0/8");
    }
}
