package org.tracker.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

class PostgresDuplicateKeysTest {

    private final PostgresDuplicateKeys resolver = new PostgresDuplicateKeys();

    @Test
    void aUniqueViolationAnywhereAmongTheCausesIsADuplicateKey() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(resolver.isDuplicateKeyViolation(duplicate)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed", duplicate)))
                .isTrue();
    }

    /** PostgreSQL's driver reports a refused batch statement as the exception chained after the batch's own. */
    @Test
    void aRefusedBatchIsReadThroughItsChainedExceptions() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "08000", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void otherRefusalsAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("null value in column", "23502")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
