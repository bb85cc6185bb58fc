package org.tracker.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tracker.api.config.TrackerProperties;

/** Makes sure someone can write on a fresh install: the operator's token is filed, or created and shown once. */
@Component
@Order(0)
class OperatorToken implements ApplicationRunner {

    static final String OPERATOR = "operator";

    private static final Logger log = LoggerFactory.getLogger(OperatorToken.class);

    private final ApiTokens tokens;
    private final TrackerProperties properties;

    OperatorToken(ApiTokens tokens, TrackerProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.apiToken() != null && !properties.apiToken().isBlank()) {
            tokens.register(OPERATOR, ApiTokens.sha256(properties.apiToken().strip()));
        } else if (tokens.none()) {
            String token = tokens.issue(OPERATOR);
            log.warn(
                    "No API token was on file, so one was created for account '{}'. It is shown only this once; keep"
                            + " it to write facts (Authorization: Bearer <token>): {}",
                    OPERATOR,
                    token);
        }
    }
}
