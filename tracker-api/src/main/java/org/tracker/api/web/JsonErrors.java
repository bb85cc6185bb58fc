package org.tracker.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Says in a person's words which field of a body was wrong and why, instead of Jackson's stack of types. */
public final class JsonErrors {

    /** Jackson's words for a key given twice in one object, as STRICT_DUPLICATE_DETECTION reports it. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    private JsonErrors() {}

    public static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String where = field.isEmpty() ? "" : "'" + field + "': ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "'; known fields are "
                    + unknown.getKnownPropertyIds() + ".";
        }
        if (e instanceof InvalidFormatException format
                && (format.getTargetType() == LocalDate.class || format.getTargetType() == LocalTime.class)) {
            return "'" + field + "' " + format.getOriginalMessage() + ", not " + format.getValue() + ".";
        }
        if (e instanceof InvalidFormatException format) {
            String expected = format.getTargetType().isEnum()
                    ? "one of "
                            + Arrays.stream(format.getTargetType().getEnumConstants())
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                    : "a " + format.getTargetType().getSimpleName();
            return where + "'" + format.getValue() + "' is not " + expected + ".";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return where + invalid.getCause().getMessage();
        }
        return where + e.getOriginalMessage();
    }

    /**
     * What is wrong with a body that is not one JSON document: the parser's words, except for the two refusals that
     * guard against a body read one way here and another way elsewhere, which are said plainly.
     */
    static String describeDocument(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE_FIELD.matcher(message);
        if (duplicate.lookingAt()) {
            return "The body gives the field '" + duplicate.group(1) + "' twice; give each field once.";
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return "The body holds more than one JSON document, or something after it; send exactly one JSON object.";
        }
        return "The body is not valid JSON: " + message;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
