package org.tracker.notify.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures as a receiver checks them, with the Standard Webhooks reference library for Java. */
class WebhookSignatureTest {

    static final String ID = "3f2b8f0e-8c1d-3a5e-9d4f-2b6a7c8e9f10";
    /** Non-ASCII text, so that a signature over anything but the UTF-8 bytes of the body would fail. */
    static final String BODY = "{\"type\":\"measure.status_changed\",\"timestamp\":\"2025-03-10T12:00:00Z\","
            + "\"data\":{\"measure\":{\"id\":\"hr1229-119\",\"title\":\"United States–Israel Defense Partnership"
            + " Act of 2025\"},\"change\":{\"summary\":\"Status changed from INTRODUCED to REFERRED\"}}}";

    /** The receiver's library refuses timestamps more than five minutes from its own clock. */
    static final long NOW = Instant.now().getEpochSecond();

    static Map<String, List<String>> headers(String signature) {
        return Map.of(
                "webhook-id", List.of(ID),
                "webhook-timestamp", List.of(Long.toString(NOW)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void aReceiverVerifiesOurSignatureWithTheEndpointSecret() {
        String secret = WebhookSignature.newSecret();

        String signature = WebhookSignature.header(List.of(secret), ID, NOW, BODY);

        assertThat(signature).startsWith("v1,").doesNotContain(" ");
        assertThatCode(() -> new Webhook(secret).verify(BODY, headers(signature)))
                .doesNotThrowAnyException();
    }

    @Test
    void aReceiverRefusesABodyThatWasChanged() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.header(List.of(secret), ID, NOW, BODY);

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("REFERRED", "ENACTED"), headers(signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void whileASecretRotatesEachSecretVerifiesItsOwnSignature() {
        String oldSecret = WebhookSignature.newSecret();
        String newSecret = WebhookSignature.newSecret();

        String signatures = WebhookSignature.header(List.of(newSecret, oldSecret), ID, NOW, BODY);

        assertThat(signatures.split(" ")).hasSize(2).allSatisfy(signature -> assertThat(signature)
                .startsWith("v1,"));
        assertThatCode(() -> new Webhook(oldSecret).verify(BODY, headers(signatures)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(newSecret).verify(BODY, headers(signatures)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(WebhookSignature.newSecret()).verify(BODY, headers(signatures)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void newSecretsAreDistinctStandardWebhooksSecrets() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
    }

    @Test
    void aSecretWithoutItsPrefixIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSignature.header(List.of("c2VjcmV0"), ID, NOW, BODY))
                .withMessage("a webhook secret starts with whsec_");
    }
}
