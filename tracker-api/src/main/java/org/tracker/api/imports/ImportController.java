package org.tracker.api.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.tracker.imports.SizeLimit;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.file.FileOutcome;
import org.tracker.imports.file.ImportSummary;

/**
 * {@code POST /api/imports}: one file as the body, or several as a multipart upload. Each file is imported on its own,
 * so a rejected file appends nothing and the others still import. The answer is the summary, 200 when anything was
 * imported; when every file was rejected it is a 422 problem that holds the summary.
 *
 * <p>A body is read no further than the per-file limit ({@code tracker.import.max-file-bytes}), a multipart upload's
 * parts go to temporary files, and all imports together hold at most {@code tracker.import.max-bytes-in-flight} of
 * their bodies: a request reserves its declared length (or the per-file limit, when it declares none) before its body
 * is read, and gets 503 with {@code Retry-After} when that much is not free.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "imports", description = "Import files of the official record; requires an API token")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    /** Long enough for a URL naming where the file came from, which is what a name is best. */
    private static final int MAX_NAME_LENGTH = 1000;

    private final RecordImporter importer;
    private final BytesInFlight bytesInFlight;
    private final SizeLimit fileLimit;

    ImportController(RecordImporter importer, BytesInFlight bytesInFlight, ImportProperties properties) {
        this.importer = importer;
        this.bytesInFlight = bytesInFlight;
        this.fileLimit = new SizeLimit(properties.maxFileBytes(), "file of the official record");
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(
            summary = "Import files of the official record (BILLSTATUS, Senate or House roll calls): one as the body,"
                    + " named by ?name=, or several as a multipart upload, each on its own",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_XML_VALUE,
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = MediaType.TEXT_XML_VALUE,
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                        schemaProperties =
                                                @SchemaProperty(
                                                        name = "file",
                                                        array =
                                                                @ArraySchema(
                                                                        schema =
                                                                                @Schema(
                                                                                        type = "string",
                                                                                        format = "binary"))))
                            }))
    ResponseEntity<?> importOne(
            @Parameter(
                            description = "with an XML body, which needs it: the file's name or URL, recorded as the"
                                    + " source of its facts; a multipart upload names its files itself")
                    @RequestParam(required = false)
                    String name,
            HttpServletRequest request,
            Principal account)
            throws IOException {
        Optional<String> badName = nameProblem(name);
        if (badName.isPresent()) {
            throw invalid(badName.get());
        }
        long declared = request.getContentLengthLong();
        if (declared == 0) {
            throw invalid("The body is empty: send the file itself, as in curl --data-binary @BILLSTATUS-117s35.xml.");
        }
        if (declared > fileLimit.maxBytes()) {
            throw tooLarge();
        }
        try (BytesInFlight.Reservation reserved =
                bytesInFlight.reserve(declared < 0 ? fileLimit.maxBytes() : declared)) {
            byte[] content;
            try {
                content = fileLimit.read(request.getInputStream());
            } catch (UnreadableRecordException overTheLimit) {
                throw tooLarge();
            }
            if (content.length == 0) {
                throw invalid(
                        "The body is empty: send the file itself, as in curl --data-binary @BILLSTATUS-117s35.xml.");
            }
            return answer(List.of(importer.importFile(name.strip(), content, account.getName())));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    // The OpenAPI document has one operation per path and method: importOne's describes both bodies.
    @Operation(hidden = true)
    ResponseEntity<?> importMany(MultipartHttpServletRequest request, Principal account) throws IOException {
        long declared = request.getContentLengthLong();
        // The parts are parsed (lazily, see application.yml) only once the bytes are reserved.
        try (BytesInFlight.Reservation reserved =
                bytesInFlight.reserve(declared < 0 ? fileLimit.maxBytes() : declared)) {
            List<MultipartFile> files = request.getMultiFileMap().values().stream()
                    .flatMap(List::stream)
                    .toList();
            if (files.isEmpty()) {
                throw invalid(
                        "The upload holds no file: send each as a part with a filename, as in curl -F file=@FILE.");
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (MultipartFile file : files) {
                outcomes.add(importPart(file, account.getName()));
            }
            return answer(outcomes);
        }
    }

    /** A part whose name cannot be recorded is rejected like an unreadable one, under a name that can be printed. */
    private FileOutcome importPart(MultipartFile file, String account) throws IOException {
        String original = file.getOriginalFilename();
        String name = original == null || original.isBlank() ? file.getName() : original;
        Optional<String> problem = nameProblem(name);
        if (problem.isPresent()) {
            String printable = name.codePoints()
                    .limit(MAX_NAME_LENGTH)
                    .map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            return FileOutcome.rejected(printable, problem.get());
        }
        try (InputStream content = file.getInputStream()) {
            return importer.importFile(name.strip(), content, account);
        }
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

    private static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(
                    "Name the file with ?name=, as in ?name=BILLSTATUS-117s35.xml: the name is recorded as the"
                            + " source of its facts.");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(
                    "A file's name has at most " + MAX_NAME_LENGTH + " characters and no control characters.");
        }
        return Optional.empty();
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "file-too-large",
                        "File too large",
                        "A file may hold at most " + fileLimit.maxBytes() + " bytes (tracker.import.max-file-bytes)."),
                null);
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
