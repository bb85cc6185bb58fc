package org.tracker.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Dates and times in a client's body are written one way, {@code 2025-02-12} and {@code 14:30} or {@code 14:30:00}
 * (ISO 8601; expanded years such as {@code +999999999-12-31} are read, for the calendar to refuse by name). Jackson
 * would also read a day count, an array, a date-time or an empty string as a date (or as none), so a fact could carry
 * a date or time its sender never wrote.
 */
final class IsoDateTimes<T> extends StdScalarDeserializer<T> {

    static final IsoDateTimes<LocalDate> DATES = new IsoDateTimes<>(
            LocalDate.class, "[+-]?\\d{4,9}-\\d{2}-\\d{2}", LocalDate::parse, "a date like 2025-02-12");
    static final IsoDateTimes<LocalTime> TIMES =
            new IsoDateTimes<>(LocalTime.class, "\\d{2}:\\d{2}(:\\d{2})?", LocalTime::parse, "a time like 14:30");

    private final Pattern form;
    private final Function<String, T> parse;
    private final String expected;

    private IsoDateTimes(Class<T> type, String form, Function<String, T> parse, String expected) {
        super(type);
        this.form = Pattern.compile(form);
        this.parse = parse;
        this.expected = expected;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
        if (text != null && form.matcher(text).matches()) {
            try {
                return parse.apply(text);
            } catch (DateTimeException noSuchDayOrTime) {
                // refused below, as any other text
            }
        }
        String written = parser.currentToken().isStructStart()
                ? "a JSON " + (parser.currentToken() == JsonToken.START_ARRAY ? "array" : "object")
                : "'" + parser.getText() + "'";
        throw InvalidFormatException.from(parser, "must be " + expected, written, handledType());
    }
}
