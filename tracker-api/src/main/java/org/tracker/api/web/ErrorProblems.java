package org.tracker.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (refused by a filter, or sent by the servlet container) as problem+json, in
 * place of Spring Boot's default error body: a client reads one format whatever refused it.
 */
// Reached by the container's error dispatch, not by clients: no operation of the API.
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = status.is5xxServerError()
                ? serverError(request, status)
                : Problems.of(status, "http-" + status.value(), status.getReasonPhrase(), detail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the refused request's path was not a URI; the problem names none
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail serverError(HttpServletRequest request, HttpStatus status) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.atError()
                .addKeyValue("path", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .addKeyValue("status", status.value())
                .setCause(failure instanceof Throwable t ? t : null)
                .log("Request failed outside a controller");
        return Problems.of(
                status,
                "internal",
                "The tracker could not answer",
                "The error is logged. Try again, and tell an operator if it persists.");
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this path; the API's routes are listed at /v3/api-docs.";
            case METHOD_NOT_ALLOWED -> "This path does not take this method; see /v3/api-docs.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's path, query or headers are too long.";
            default -> "The request was refused (" + status.value() + " " + status.getReasonPhrase()
                    + "): check its path, query, headers and body.";
        };
    }
}
