package org.tracker.api.imports;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tracker.api.config.TrackerProperties;

@Configuration(proxyBeanMethods = false)
class ImportConfig {

    /**
     * Uploads within the limit of an import's body. The body-size filter cannot count a multipart body, which the
     * servlet container parses from its own stream, so the container is given the same limit. Every part goes to a
     * temporary file as it arrives, however small: memory then holds one file at a time, while it is read, and a file
     * over the per-file limit is refused by name, read no further than the limit, while the others import.
     */
    @Bean
    MultipartConfigElement uploadsWithinTheBodyLimit(TrackerProperties tracker) {
        long limit = tracker.maxImportBytes();
        return new MultipartConfigElement(null, limit, limit, 0);
    }
}
