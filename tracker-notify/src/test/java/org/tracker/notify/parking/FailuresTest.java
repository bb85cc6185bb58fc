package org.tracker.notify.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What waits out an outage and what parks an event: the line between the two, wherever a failure is wrapped. */
class FailuresTest {

    @Test
    void outagesOfTheDatabaseAreTransient() {
        assertThat(Failures.isTransient(new CannotGetJdbcConnectionException("pool empty")))
                .isTrue();
        assertThat(Failures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(Failures.isTransient(new SQLTransientConnectionException("hikari timed out")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("connection refused", "08001")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(Failures.isTransient(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(Failures.isTransient(
                        new IllegalStateException("wrapped", new RuntimeException(new SQLException("lost", "08003")))))
                .isTrue();
    }

    @Test
    void outagesOfTheBrokerAreTransient() {
        assertThat(Failures.isTransient(new TimeoutException("no answer"))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new NotLeaderOrFollowerException("moving"))))
                .isTrue();
    }

    @Test
    void failuresThatLieInTheEventAreNot() {
        assertThat(Failures.isTransient(new DataIntegrityViolationException(
                        "bad", new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021"))))
                .isFalse();
        assertThat(Failures.isTransient(new BadSqlGrammarException("x", "select", new SQLException("no", "42P01"))))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("a title nobody expected")))
                .isFalse();
        assertThat(Failures.isTransient(new RecordTooLargeException("too large")))
                .isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aReasonFitsARowAndALogLine() {
        String reason = Failures.describe(
                new DataIntegrityViolationException("batch failed", new SQLException("values ('a\u0000b')", "22021")));

        assertThat(reason)
                .contains(DataIntegrityViolationException.class.getName(), "batch failed", "a b")
                .doesNotContain("\u0000");
        assertThat(Failures.bounded("x".repeat(10_000))).hasSize(Failures.REASON_LENGTH);
    }
}
