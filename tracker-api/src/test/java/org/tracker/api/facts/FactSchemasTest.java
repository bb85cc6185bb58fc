package org.tracker.api.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.tracker.core.api.FactCommand;

/** Each endpoint shows clients the body it reads: its command's fields, and none of what the command computes. */
class FactSchemasTest {

    @Test
    void everyEndpointDescribesItsBodyAsItsCommandsComponents() {
        List<Class<?>> described = new ArrayList<>();
        for (Method endpoint : FactController.class.getDeclaredMethods()) {
            if (!endpoint.isAnnotationPresent(PostMapping.class)) {
                continue;
            }
            Class<?> command = Arrays.stream(endpoint.getParameters())
                    .map(parameter -> parameter.getAnnotation(RequestBody.class))
                    .filter(Objects::nonNull)
                    .map(body -> body.content()[0].schema())
                    .map(Schema::implementation)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(endpoint.getName() + " describes no body"));
            assertThat(FactCommand.class).as(endpoint.getName()).isAssignableFrom(command);
            assertThat(ModelConverters.getInstance()
                            .read(command)
                            .get(command.getSimpleName())
                            .getProperties()
                            .keySet())
                    .as(command.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(command.getRecordComponents())
                            .map(RecordComponent::getName)
                            .toList());
            described.add(command);
        }
        assertThat(described).doesNotHaveDuplicates().hasSize(21);
    }
}
