package org.tracker.imports.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import org.tracker.imports.ImportedFrom;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.file.OfficialRecord;
import org.tracker.imports.file.RecordFiles;

/**
 * Coverage-guided fuzzing of the XML readers through the one entry point every import uses. Whatever the bytes, a
 * file is either refused with {@link UnreadableRecordException} (whose message names the reason) or read into a record
 * whose commands can be built or are refused as invalid facts; nothing else may escape, hang or exhaust memory.
 *
 * <p>{@code ./mvnw test} replays the committed corpus ({@code src/test/resources/.../OfficialRecordFuzzTestInputs});
 * with {@code JAZZER_FUZZ=1} Jazzer explores for {@code maxDuration}, as {@code .ci/run} does.
 */
class OfficialRecordFuzzTest {

    private static final RecordFiles FILES = new RecordFiles(RecordFiles.DEFAULT_MAX_BYTES);
    private static final ImportedFrom ORIGIN =
            new ImportedFrom("fuzz.xml", Instant.parse("2026-12-01T00:00:00Z"), "fuzz");

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "official-record.dict")
    void aFileIsReadOrRefusedWithAReason(byte[] file) {
        OfficialRecord record;
        try {
            record = FILES.read(file);
        } catch (UnreadableRecordException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(record.measureId()).isNotBlank();
        try {
            List<Object> commands = record.commands(ORIGIN);
            assertThat(commands).doesNotContainNull();
        } catch (IllegalArgumentException | UnreadableRecordException invalidFact) {
            assertThat(invalidFact.getMessage()).isNotBlank();
        }
    }
}
