package org.tracker.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Dates in a client's body are written one way, {@code 2025-02-12} (ISO 8601, whose expanded years the calendar
 * then refuses by name). Jackson would also read a day count, an array, a
 * date-time or an empty string as a date (or as none), so a fact could carry a date its sender never wrote.
 */
final class IsoDates extends StdScalarDeserializer<LocalDate> {

    private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,9}-\\d{2}-\\d{2}");

    IsoDates() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
        if (text != null && ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException noSuchDay) {
                // refused below, as any other text
            }
        }
        String written = parser.currentToken().isStructStart()
                ? "a JSON " + (parser.currentToken() == JsonToken.START_ARRAY ? "array" : "object")
                : "'" + parser.getText() + "'";
        throw InvalidFormatException.from(parser, "not a date like 2025-02-12", written, LocalDate.class);
    }
}
