package org.tracker.api.pages;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven by Playwright, which must never download a browser of its own (the build sets
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). Where no Chromium is installed the browser tests are skipped loudly on a
 * developer's machine, and fail in CI, which installs it: a green CI has always run them.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("TRACKER_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String message = "No Chromium at " + EXECUTABLE + ": the browser tests need Debian's chromium"
                    + " (apt-get install chromium), or TRACKER_CHROMIUM pointing at one.";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create();
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A page of a fresh context: its own cookies, the page's Content-Security-Policy in force. */
    Page page() {
        return browser.newContext().newPage();
    }

    /**
     * A page whose context lets a test inject a script (axe-core) despite the page's Content-Security-Policy; only for
     * checking a page, never for testing that it works.
     */
    Page pageForInjectedChecks() {
        return browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))
                .newPage();
    }

    /** axe-core's script, from the jar of Deque's Playwright integration. */
    static String axeScript() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
