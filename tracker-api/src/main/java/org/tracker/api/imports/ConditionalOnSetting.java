package org.tracker.api.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * A bean that exists only when a setting holds text. {@code @ConditionalOnProperty} would count as set the empty
 * value that application.yml gives a setting whose environment variable is unset ({@code ${CONGRESS_API_KEY:}}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(ConditionalOnSetting.HoldsText.class)
@interface ConditionalOnSetting {

    /** The setting's name, as in {@code tracker.import.watch-dir}. */
    String value();

    final class HoldsText implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSetting.class.getName());
            String setting = (String) attributes.get("value");
            return StringUtils.hasText(context.getEnvironment().getProperty(setting));
        }
    }
}
