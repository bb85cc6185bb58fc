package org.tracker.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.tracker.api.config.JsonConfig;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AmendMou;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.FactCalendar;
import org.tracker.core.api.FactCommand;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.FileDisapprovalResolution;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.InvokeWaiver;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.RecordMouExpiry;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RecordTrancheFunding;
import org.tracker.core.api.RecordWaiverExpiry;
import org.tracker.core.api.RecordWaiverProvision;
import org.tracker.core.api.RenewWaiver;
import org.tracker.core.api.RevokeWaiver;
import org.tracker.core.api.ScheduleTranche;
import org.tracker.core.api.SignMou;
import org.tracker.core.api.SubmitReport;
import org.tracker.core.api.WithdrawCosponsor;

/**
 * Coverage-guided fuzzing of fact bodies along the API's own path: the request mapper reads the body, the strict
 * mapper reads it as the command, the calendar checks its dates. A body is refused there (as a 400), or it becomes a
 * command whose every text is within the longest limit and free of control characters, whose every date lies between
 * 1789 and the schedule horizon, and which serializes: nothing that could stall the stream gets through. Any other
 * exception is a finding.
 *
 * <p>Its input is a body followed by one byte that picks the command; {@code ./mvnw test} replays the committed
 * corpus, {@code JAZZER_FUZZ=1} explores for {@code maxDuration} ({@code .ci/run}).
 */
class FactBodyFuzzTest {

    private static final List<Class<? extends FactCommand>> COMMANDS = List.of(
            IntroduceBill.class,
            AssignBillTitle.class,
            AddCosponsor.class,
            WithdrawCosponsor.class,
            RecordBillAction.class,
            RecordLaw.class,
            RecordRollCallVote.class,
            NotifyArmsSale.class,
            FileDisapprovalResolution.class,
            RecordWaiverProvision.class,
            InvokeWaiver.class,
            RenewWaiver.class,
            RecordWaiverExpiry.class,
            RevokeWaiver.class,
            SignMou.class,
            ScheduleTranche.class,
            RecordTrancheFunding.class,
            AmendMou.class,
            RecordMouExpiry.class,
            MandateReport.class,
            SubmitReport.class);

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final FactCalendar CALENDAR = FactCalendar.at(NOW);
    private static final LocalDate LATEST = LocalDate.of(2026, 12, 1).plusYears(FactLimits.SCHEDULE_HORIZON_YEARS + 1);
    private static final int LONGEST_TEXT = FactLimits.JUSTIFICATION;

    private static final JsonConfig CONFIG = new JsonConfig();
    private static final ObjectMapper REQUESTS = CONFIG.objectMapper(Jackson2ObjectMapperBuilder.json());
    private static final ObjectMapper STRICT = CONFIG.strictJson(Jackson2ObjectMapperBuilder.json());

    @FuzzTest(maxDuration = "60s")
    void aBodyIsRefusedOrBecomesACommandThatCannotStallTheStream(FuzzedDataProvider data) {
        Class<? extends FactCommand> type = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
        byte[] body = data.consumeRemainingAsBytes();
        FactCommand command;
        try {
            JsonNode tree = REQUESTS.readTree(body);
            if (!(tree instanceof ObjectNode node)) {
                return;
            }
            node.set("provenance", STRICT.valueToTree(new Provenance(NOW, NOW, "fuzz", "fuzz")));
            command = STRICT.treeToValue(node, type);
            if (command == null) {
                return;
            }
            CALENDAR.check(command);
        } catch (JsonProcessingException | IllegalArgumentException refused) {
            return;
        } catch (IOException unreadable) {
            return;
        }
        inspect(type.getSimpleName(), command);
        try {
            assertThat(STRICT.writeValueAsString(command)).isNotEmpty();
        } catch (JsonProcessingException e) {
            throw new AssertionError("an accepted " + type.getSimpleName() + " does not serialize", e);
        }
        assertThat(new String(body, StandardCharsets.UTF_8)).isNotNull();
    }

    /** Walks the accepted command's values, records, lists and maps alike. */
    private static void inspect(String path, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            assertThat(text.length()).as(path + " length").isLessThanOrEqualTo(LONGEST_TEXT);
            text.codePoints().forEach(c -> assertThat(c == '\n' || c == '\t' || !Character.isISOControl(c))
                    .as(path + " holds U+%04X", c)
                    .isTrue());
        } else if (value instanceof LocalDate date) {
            assertThat(date).as(path).isBetween(FactLimits.EARLIEST_DATE, LATEST);
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                inspect(path + "[" + i++ + "]", item);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                inspect(path + ".key", key);
                inspect(path + "." + key, item);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    inspect(
                            path + "." + component.getName(),
                            component.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
