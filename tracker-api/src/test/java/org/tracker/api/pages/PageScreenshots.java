package org.tracker.api.pages;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.TestServers;

/**
 * The README's pictures of the pages, taken with the browser tests' setup over the seed set. They are refreshed when
 * the pages change, not by every build:
 * {@code ./mvnw -o test -pl tracker-api -Dtest=PageScreenshots -Dtracker.screenshots=docs}, from the repository's root.
 */
@EnabledIfSystemProperty(named = "tracker.screenshots", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageScreenshots {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
        registry.add("tracker.seed", () -> "true");
    }

    static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void takeThem() {
        Path docs =
                Path.of(System.getProperty("user.dir")).getParent().resolve(System.getProperty("tracker.screenshots"));
        shoot("/", docs.resolve("pages-measures.png"));
        shoot("/measures/sjres111-118", docs.resolve("pages-measure.png"));
        shoot("/deadlines", docs.resolve("pages-deadlines.png"));
    }

    private void shoot(String path, Path file) {
        Page page = chromium.page();
        page.setViewportSize(1280, 900);
        page.navigate("http://localhost:" + port + path);
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }
}
