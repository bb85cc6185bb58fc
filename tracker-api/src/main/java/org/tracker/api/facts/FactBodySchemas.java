package org.tracker.api.facts;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.tracker.core.api.FactLimits;

/**
 * Each fact's body in the OpenAPI document as {@link FactSubmitter} reads it: the command's fields without
 * {@code provenance}, which the tracker sets and refuses in a body, and with the two fields a client may give in its
 * place, {@code source} and {@code effectiveAt}.
 */
@Component
class FactBodySchemas implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI document) {
        for (Class<?> command : commands()) {
            Schema<?> body = document.getComponents().getSchemas().get(command.getSimpleName());
            body.getProperties().remove("provenance");
            if (body.getRequired() != null) {
                body.getRequired().remove("provenance");
            }
            body.addProperty(
                    "source",
                    new StringSchema()
                            .maxLength(FactLimits.SOURCE)
                            .description("Where the fact comes from, such as the URL of the record; by default"
                                    + " api:<account>"));
            body.addProperty(
                    "effectiveAt",
                    new StringSchema()
                            .description("When the fact took effect: a date (2025-02-12, the start of that day in"
                                    + " Washington) or a date and time with an offset; by default the fact's own date")
                            .example("2025-02-12"));
        }
        // Provenance was a body's field only: the schema goes with it, unless something else still refers to it.
        if (!Json.pretty(document.getComponents().getSchemas()).contains("#/components/schemas/Provenance\"")) {
            document.getComponents().getSchemas().remove("Provenance");
        }
    }

    /** The commands {@link FactController}'s endpoints read, as their bodies' annotations name them. */
    static List<Class<?>> commands() {
        return Arrays.stream(FactController.class.getDeclaredMethods())
                .flatMap(FactBodySchemas::bodies)
                .distinct()
                .toList();
    }

    private static Stream<Class<?>> bodies(Method endpoint) {
        return Arrays.stream(endpoint.getParameters())
                .map(parameter -> parameter.getAnnotation(RequestBody.class))
                .filter(Objects::nonNull)
                .map(body -> body.content())
                .flatMap(Arrays::stream)
                .map(Content::schema)
                .map(io.swagger.v3.oas.annotations.media.Schema::implementation);
    }
}
