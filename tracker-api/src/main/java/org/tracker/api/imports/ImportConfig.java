package org.tracker.api.imports;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tracker.api.config.TrackerProperties;

@Configuration(proxyBeanMethods = false)
class ImportConfig {

    /**
     * Uploads within the limit of an import's body. The body-size filter cannot count a multipart body, which the
     * servlet container parses from its own stream, so the container is given the same limit; a part held in memory
     * up to it is read into the import without a detour through a temporary file.
     */
    @Bean
    MultipartConfigElement uploadsWithinTheBodyLimit(TrackerProperties tracker) {
        long limit = tracker.maxImportBytes();
        return new MultipartConfigElement(null, limit, limit, 1 << 20);
    }
}
