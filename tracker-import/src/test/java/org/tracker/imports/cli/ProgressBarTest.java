package org.tracker.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(drawn, true, StandardCharsets.UTF_8), 4);

    @Test
    void drawsAtOnceSoThatALongImportShowsItStarted() {
        bar.show(0, 0, 0);

        assertThat(drawn.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r[------------------------------] 0/4 files, 0 events appended");
    }

    @Test
    void skipsRedrawsInQuickSuccessionButAlwaysDrawsTheEnd() {
        bar.show(0, 0, 0);
        bar.show(1, 10, 0);
        bar.show(4, 40, 1);

        assertThat(drawn.toString(StandardCharsets.UTF_8))
                .doesNotContain("1/4")
                .endsWith("] 4/4 files, 40 events appended, 1 rejected" + System.lineSeparator());
    }
}
