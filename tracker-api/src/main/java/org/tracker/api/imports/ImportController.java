package org.tracker.api.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tracker.imports.file.FileOutcome;
import org.tracker.imports.file.ImportSummary;

/**
 * {@code POST /api/imports}: one file as the body, or several as a multipart upload. Each file is imported on its own,
 * so a rejected file appends nothing and the others still import. The answer is the summary, 200 when anything was
 * imported; when every file was rejected it is a 422 problem that holds the summary.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "imports", description = "Import files of the official record; requires an API token")
@SecurityRequirement(name = "token")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    /** Long enough for a URL naming where the file came from, which is what a name is best. */
    private static final int MAX_NAME_LENGTH = 1000;

    private final RecordImporter importer;

    ImportController(RecordImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Import one BILLSTATUS, Senate or House roll-call file, sent as the body")
    ResponseEntity<?> importOne(
            @Parameter(description = "the file's name or URL, recorded as the source of its facts") @RequestParam
                    String name,
            @RequestBody(required = false) byte[] content,
            Principal account) {
        if (content == null || content.length == 0) {
            throw invalid("The body is empty: send the file itself, as in curl --data-binary @BILLSTATUS-117s35.xml.");
        }
        return answer(List.of(importer.importFile(checked(name), content, account.getName())));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import several files, uploaded as multipart form data, each on its own")
    ResponseEntity<?> importMany(@RequestParam MultiValueMap<String, MultipartFile> parts, Principal account) {
        List<MultipartFile> files =
                parts.values().stream().flatMap(List::stream).toList();
        if (files.isEmpty()) {
            throw invalid("The upload holds no file: send each as a part with a filename, as in curl -F file=@FILE.");
        }
        List<FileOutcome> outcomes = new ArrayList<>();
        for (MultipartFile file : files) {
            String original = file.getOriginalFilename();
            String name = checked(original == null || original.isBlank() ? file.getName() : original);
            outcomes.add(importer.importFile(name, bytes(file), account.getName()));
        }
        return answer(outcomes);
    }

    private ResponseEntity<?> answer(List<FileOutcome> outcomes) {
        ImportSummary summary = ImportSummary.of(outcomes);
        log.info(
                "import of {} files: {} measures created, {} events appended, {} unchanged, {} rejected",
                summary.files(),
                summary.measuresCreated(),
                summary.eventsAppended(),
                summary.unchanged(),
                summary.rejected().size());
        if (!summary.nothingImported()) {
            return ResponseEntity.ok(summary);
        }
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "import-rejected",
                "Nothing was imported",
                summary.rejected().stream()
                        .map(rejection -> rejection.file() + ": " + rejection.reason())
                        .collect(Collectors.joining("\n")));
        problem.setProperty("summary", summary);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw invalid("Name the file with ?name=, as in ?name=BILLSTATUS-117s35.xml: the name is recorded as the"
                    + " source of its facts.");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("A file's name has at most " + MAX_NAME_LENGTH + " characters and no control characters.");
        }
        return name.strip();
    }

    /** A part is within the body limit, so it is held whole. */
    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded " + file.getOriginalFilename(), e);
        }
    }

    private static ErrorResponseException invalid(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                problem(HttpStatus.BAD_REQUEST, "invalid-import", "The request is not an import", detail),
                null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
