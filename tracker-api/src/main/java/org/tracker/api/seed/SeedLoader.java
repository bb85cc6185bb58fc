package org.tracker.api.seed;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Loads the seed set into an empty event store on start, and never into one that holds anything. */
@Component
@Order(1)
@ConditionalOnProperty(name = "tracker.seed", havingValue = "true", matchIfMissing = true)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SeedLoader(CommandGateway commands, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean empty = jdbc.queryForObject("select not exists (select 1 from domainevententry)", Boolean.class);
        if (!Boolean.TRUE.equals(empty)) {
            return;
        }
        List<Object> facts = SeedFacts.all(clock.instant());
        log.info("The event store is empty: loading {} seed facts", facts.size());
        int sent = 0;
        for (Object fact : facts) {
            commands.sendAndWait(fact);
            if (++sent % 20 == 0 || sent == facts.size()) {
                log.info("seed: {}/{} facts recorded", sent, facts.size());
            }
        }
    }
}
