package org.tracker.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tracker.api.Api;
import org.tracker.api.TestServers;

/** What the alert tests share: a real SMTP server, a real webhook receiver, and accounts made through the API. */
public final class Alerting {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    static {
        MAIL.start();
    }

    private Alerting() {}

    /** The notifier on the test servers, allowed to post to loopback, retrying quickly. */
    static void register(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("tracker.notify.allowed-webhook-networks", () -> "127.0.0.0/8");
        registry.add("tracker.notify.retry-schedule", () -> "300ms");
        registry.add("tracker.notify.tick", () -> "200ms");
        registry.add("tracker.notify.lease", () -> "2s");
    }

    /** Creates an account through the admin API and returns its token. */
    static String account(Api api, String id, String email) {
        Api.Response created = api.as(
                TestServers.TOKEN,
                "POST",
                "/api/admin/accounts",
                "{\"id\": \"%s\", \"name\": \"%s\", \"email\": \"%s\"}".formatted(id, id, email));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("token").asText();
    }

    /** Registers a webhook endpoint at a path of the receiver; returns its id and secret. */
    static JsonNode endpoint(Api api, String token, String path) {
        Api.Response created =
                api.as(token, "POST", "/api/webhooks", "{\"url\": \"%s\"}".formatted(RECEIVER.url(path)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    static JsonNode subscribe(Api api, String token, String definition) {
        Api.Response created = api.as(token, "POST", "/api/subscriptions", definition);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    public static String introduction(String billId, String date) {
        return """
                {"billId": "%s", "title": "Ceasefire Compliance Act", "introducedOn": "%s",
                 "sponsor": {"bioguideId": "C001117", "name": "Sean Casten", "party": "D", "state": "IL"},
                 "source": "https://www.congress.gov/bill/119th-congress/house-bill/7645"}
                """
                .formatted(billId, date);
    }

    public static String referral(String date) {
        return """
                {"action": {"date": "%s", "text": "Referred to the House Committee on Foreign Affairs.",
                            "type": "IntroReferral", "actionCode": "H11100", "source": "HOUSE_FLOOR"},
                 "source": "https://www.congress.gov/bill/119th-congress/house-bill/7645/all-actions"}
                """
                .formatted(date);
    }
}
