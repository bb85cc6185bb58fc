package org.tracker.notify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tracker.core.api.FactCalendar;
import org.tracker.notify.store.AlertQuery;
import org.tracker.notify.store.AlertQuery.Position;

class AlertParametersTest {

    private static final FactCalendar CALENDAR = FactCalendar.on(LocalDate.of(2026, 3, 2));

    @Test
    void readsEveryFilterAndLeavesOutWhatIsNotGiven() {
        AlertQuery query = AlertParameters.read(
                CALENDAR,
                "hfac-staff",
                "hr7645-119",
                "2026-03-02T09:30:00-05:00",
                null,
                "2026-03-03T00:00:00Z",
                "50",
                null);

        assertThat(query)
                .isEqualTo(new AlertQuery(
                        "hfac-staff",
                        "hr7645-119",
                        Instant.parse("2026-03-02T14:30:00Z"),
                        Instant.parse("2026-03-03T00:00:00Z"),
                        null,
                        50));
        assertThat(AlertParameters.read(CALENDAR, null, "", "", null, " ", null, null))
                .isEqualTo(new AlertQuery(null, null, null, null, null, AlertParameters.DEFAULT_LIMIT));
    }

    @Test
    void sinceIsTheOlderNameOfFrom() {
        assertThat(AlertParameters.read(CALENDAR, null, null, null, "2026-03-02T00:00:00Z", null, null, null)
                        .from())
                .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertProblemNames(
                "since",
                () -> AlertParameters.read(
                        CALENDAR, null, null, "2026-03-02T00:00Z", "2026-03-01T00:00Z", null, null, null));
    }

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        Position position = new Position(Instant.parse("2026-03-02T15:00:00.123456Z"), UUID.randomUUID());

        String cursor = AlertParameters.cursor(position);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(AlertParameters.read(CALENDAR, null, null, null, null, null, null, cursor)
                        .after())
                .isEqualTo(position);
    }

    @Test
    void eachMistakeIsAProblemThatNamesItsParameter() {
        assertProblemNames(
                "from", () -> AlertParameters.read(CALENDAR, null, null, "yesterday", null, null, null, null));
        assertProblemNames(
                "since",
                () -> AlertParameters.read(CALENDAR, null, null, null, "2026-03-02 00:00:00", null, null, null));
        assertProblemNames(
                "to", () -> AlertParameters.read(CALENDAR, null, null, null, null, "2026-03-02", null, null));
        assertProblemNames(
                "from",
                () -> AlertParameters.read(
                        CALENDAR, null, null, "2026-03-03T00:00:00Z", null, "2026-03-02T00:00:00Z", null, null));
        assertProblemNames(
                "from",
                () -> AlertParameters.read(CALENDAR, null, null, "1000-01-01T00:00:00Z", null, null, null, null));
        assertProblemNames(
                "to",
                () -> AlertParameters.read(CALENDAR, null, null, null, null, "+999999999-12-31T00:00:00Z", null, null));
        assertProblemNames("limit", () -> AlertParameters.read(CALENDAR, null, null, null, null, null, "0", null));
        assertProblemNames("limit", () -> AlertParameters.read(CALENDAR, null, null, null, null, null, "1001", null));
        assertProblemNames("limit", () -> AlertParameters.read(CALENDAR, null, null, null, null, null, "ten", null));
        assertProblemNames(
                "cursor", () -> AlertParameters.read(CALENDAR, null, null, null, null, null, null, "not-a-cursor"));
    }

    private static void assertProblemNames(String parameter, Runnable read) {
        NotifyProblem problem = catchThrowableOfType(NotifyProblem.class, read::run);
        assertThat(problem).as("a problem naming '%s'", parameter).isNotNull();
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.getBody().getProperties()).containsEntry("parameter", parameter);
        assertThat(problem.getBody().getDetail()).contains("'" + parameter + "'");
    }
}
