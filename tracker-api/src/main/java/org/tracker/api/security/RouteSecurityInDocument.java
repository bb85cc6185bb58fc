package org.tracker.api.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tracker.api.security.AccessRules.Rule;
import org.tracker.api.web.ApiDocument;

/**
 * Marks each operation of the OpenAPI document with what {@link AccessRules} asks of it, so that the document cannot
 * say otherwise than the filter chain: a public route needs no token; any other needs the bearer token, and its
 * description names the role. A public route that narrows itself with {@link PreAuthorize} ({@code GET
 * /api/measures?asOf=}) takes a token optionally.
 */
@Component
class RouteSecurityInDocument implements OpenApiCustomizer {

    private final Map<String, HandlerMethod> handlers = new HashMap<>();

    RouteSecurityInDocument(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes) {
        routes.getHandlerMethods().forEach((mapping, handler) -> mapping.getPathPatternsCondition()
                .getPatternValues()
                .forEach(pattern -> mapping.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> handlers.put(method.name() + " " + pattern, handler))));
    }

    @Override
    public void customise(OpenAPI document) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            HttpMethod http = HttpMethod.valueOf(method.name());
            Optional<Rule> rule = AccessRules.ruleFor(http, path);
            if (rule.isPresent() && rule.get().isPublic()) {
                HandlerMethod handler = handlers.get(http.name() + " " + path);
                operation.setSecurity(
                        handler != null && handler.hasMethodAnnotation(PreAuthorize.class)
                                ? List.of(new SecurityRequirement(), bearer())
                                : null);
            } else {
                operation.setSecurity(List.of(bearer()));
                describeRole(operation, rule.flatMap(Rule::role));
            }
        }));
    }

    private static SecurityRequirement bearer() {
        return new SecurityRequirement().addList(ApiDocument.BEARER);
    }

    private static void describeRole(Operation operation, Optional<Role> role) {
        String needs = role.filter(named -> named != Role.OPERATOR)
                .map(named -> "Needs the token of an account with the role " + named + " (or OPERATOR).")
                .orElse(role.isPresent() ? "Needs an operator's token." : "Needs a known token.");
        operation.setDescription(
                operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
    }
}
