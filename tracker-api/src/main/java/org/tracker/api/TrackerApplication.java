package org.tracker.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The tracker: the API and its projections here, the notifier from tracker-notify, in one service. Accounts sign in
 * with their tokens only, so Spring Boot's default user with a generated password is never made.
 */
@SpringBootApplication(
        scanBasePackages = {"org.tracker.api", "org.tracker.notify"},
        exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan({"org.tracker.api", "org.tracker.notify"})
@EnableScheduling
public class TrackerApplication {

    /**
     * Starts embedded PostgreSQL and Kafka for whatever is not configured, then the tracker. One shutdown hook stops
     * them in order: the tracker first, so that nothing writes to a server that is already gone.
     */
    public static void main(String[] args) throws Exception {
        keepAxonOffline();
        EmbeddedServers servers = EmbeddedServers.startUnconfigured(System.getenv(), args);
        SpringApplication application = new SpringApplication(TrackerApplication.class);
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(servers.arguments(args));
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close();
                            servers.close();
                        },
                        "tracker-shutdown"));
    }

    /**
     * Axon 4.13 reports usage to AxonIQ and advertises its console unless told not to; the tracker sends nothing to
     * third parties.
     */
    static void keepAxonOffline() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
