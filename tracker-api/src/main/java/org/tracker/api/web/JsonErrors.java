package org.tracker.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Says in a person's words which field of a body was wrong and why, instead of Jackson's stack of types. */
public final class JsonErrors {

    private JsonErrors() {}

    public static String describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String where = field.isEmpty() ? "" : "'" + field + "': ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + (field.isEmpty() ? unknown.getPropertyName() : field) + "'; known fields are "
                    + unknown.getKnownPropertyIds() + ".";
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

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
