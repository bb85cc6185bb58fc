package org.tracker.api.measures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tracker.api.web.Problems;

/** Operators rebuild a projection from the event store and compare it with the live one by checksum. */
@RestController
@RequestMapping("/api/admin/projections/{projection}")
@Tag(name = "admin", description = "Operators' and auditors' tools; each operation names the role it needs")
class ProjectionController {

    private final ProjectionRebuild rebuild;

    ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/rebuild")
    @Operation(
            summary = "Rebuild the projection from the event store in the background; with replace=false only compare"
                    + " it with the live one")
    ResponseEntity<ProjectionRebuild.Status> start(
            @PathVariable String projection, @RequestParam(defaultValue = "true") boolean replace) {
        known(projection);
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQuery(null)
                        .build()
                        .toUri())
                .body(rebuild.start(replace));
    }

    @GetMapping("/rebuild")
    @Operation(summary = "How far the latest rebuild has come, and at its end how the rebuilt and live rows compared")
    ProjectionRebuild.Status status(@PathVariable String projection) {
        known(projection);
        return rebuild.status().orElseThrow(() -> new NoRebuild(projection));
    }

    @GetMapping("/checksum")
    @Operation(summary = "A SHA-256 of the live projection's rows, in id order")
    ProjectionChecksum checksum(@PathVariable String projection) {
        known(projection);
        return rebuild.checksum();
    }

    @ExceptionHandler(ProjectionRebuild.AlreadyRunning.class)
    ProblemDetail running(ProjectionRebuild.AlreadyRunning e) {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running", e.getMessage());
    }

    @ExceptionHandler(UnknownProjection.class)
    ProblemDetail unknown(UnknownProjection e) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-projection", "Unknown projection", e.getMessage());
    }

    @ExceptionHandler(NoRebuild.class)
    ProblemDetail none(NoRebuild e) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-rebuild", "No rebuild yet", e.getMessage());
    }

    private static void known(String projection) {
        if (!ProjectionRebuild.MEASURES.equals(projection)) {
            throw new UnknownProjection(projection);
        }
    }

    private static final class UnknownProjection extends RuntimeException {
        UnknownProjection(String projection) {
            super("The tracker has no projection '" + projection + "'; it has '" + ProjectionRebuild.MEASURES + "'.");
        }
    }

    private static final class NoRebuild extends RuntimeException {
        NoRebuild(String projection) {
            super("No rebuild of '" + projection + "' has run since the tracker started; start one with POST on this"
                    + " path.");
        }
    }
}
