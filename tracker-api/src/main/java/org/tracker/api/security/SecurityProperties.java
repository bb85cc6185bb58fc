package org.tracker.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param failedAuthenticationsAllowed how many failed authentications one client address may make per window before
 *     further failures are answered 429; valid tokens are never refused
 * @param failedAuthenticationWindow how long that window lasts
 */
@ConfigurationProperties("tracker.security")
record SecurityProperties(
        @DefaultValue("20") int failedAuthenticationsAllowed,
        @DefaultValue("1m") Duration failedAuthenticationWindow) {}
