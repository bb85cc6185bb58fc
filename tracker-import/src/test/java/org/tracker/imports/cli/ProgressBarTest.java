package org.tracker.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(drawn, true, StandardCharsets.UTF_8);
    private final ProgressBar bar = new ProgressBar(err, 4, true);

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

    @Test
    void writesWholeLinesAFewSecondsApartWhenTheErrorStreamIsNotATerminal() {
        ProgressBar toALog = new ProgressBar(err, 4, false);

        toALog.show(0, 0, 0);
        toALog.show(1, 10, 0);
        toALog.show(4, 40, 0);

        assertThat(drawn.toString(StandardCharsets.UTF_8))
                .isEqualTo("[------------------------------] 0/4 files, 0 events appended" + System.lineSeparator()
                        + "[##############################] 4/4 files, 40 events appended" + System.lineSeparator());
    }
}
