package org.tracker.api.seed;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tracker.api.batch.CommandBatch;

/**
 * Loads the seed set into an empty event store on start, in one transaction, and never into one that holds anything,
 * however many instances start at once.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "tracker.seed", havingValue = "true", matchIfMissing = true)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final CommandBatch batch;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SeedLoader(CommandBatch batch, JdbcTemplate jdbc, Clock clock, TransactionTemplate transaction) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Instances that start together on an empty database take turns on a lock held until the seed commits, so that
     * whoever comes second finds the seed stored and loads nothing: a check before an insert, without the lock, let
     * both load it.
     */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtext('tracker.seed'))", rs -> {});
            Boolean empty = jdbc.queryForObject("select not exists (select 1 from domainevententry)", Boolean.class);
            if (!Boolean.TRUE.equals(empty)) {
                return;
            }
            List<Object> facts = SeedFacts.all(clock.instant());
            log.info("The event store is empty: loading {} seed facts", facts.size());
            batch.sendAll(facts);
            log.info("seed: {} facts recorded", facts.size());
        });
    }
}
