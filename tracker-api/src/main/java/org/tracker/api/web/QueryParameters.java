package org.tracker.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tracker.core.api.FactLimits;
import org.tracker.core.api.Require;

/**
 * Refuses a query parameter holding a control character or running past {@link FactLimits#QUERY_PARAMETER}, on
 * every endpoint: such a value reaches SQL and logs, where PostgreSQL refuses a NUL with an error that would be a 500.
 * Endpoints bound their own parameters more tightly where they know more. The refusal, an IllegalArgumentException,
 * is a 400 problem like any invalid input (see {@link ProblemAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class QueryParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            Require.text(name, "parameter name", FactLimits.QUERY_PARAMETER);
            for (String value : values) {
                Require.text(value, name, FactLimits.QUERY_PARAMETER);
            }
        });
        return true;
    }
}
