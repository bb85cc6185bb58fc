package org.tracker.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tracker.core.api.FactRejected;

/**
 * Every error as RFC 9457 problem details with a message a person can act on. A rejected command has appended
 * nothing: the aggregate throws before it applies an event, and Axon rolls back the unit of work.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-fact", "The request is not a valid fact", e.getMessage());
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail invalidParameter(InvalidParameter e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST, "invalid-parameter", "A query parameter is not valid", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        if (!e.accepted().isEmpty()) {
            problem.setProperty("accepted", e.accepted());
        }
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidFact(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-fact", "The request is not a valid fact", e.getMessage());
    }

    @ExceptionHandler(FactRejected.class)
    ProblemDetail rejected(FactRejected e) {
        return Problems.of(
                HttpStatus.CONFLICT, "fact-rejected", "The fact contradicts what the tracker knows", e.getMessage());
    }

    @ExceptionHandler({UnknownMeasure.class, AggregateNotFoundException.class})
    ProblemDetail unknown(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "The tracker knows no measure '" + missing.getAggregateIdentifier()
                        + "'; record its introduction, notification or signing first."
                : e.getMessage();
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-measure", "Unknown measure", detail);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "The measure changed while this fact was recorded",
                "Another fact about this measure was recorded at the same moment; send the request again.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail failed(CommandExecutionException e) {
        log.error("command failed", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "The tracker could not record the fact",
                "Nothing was recorded; the error is logged. Try again, and tell an operator if it persists.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(BodySizeLimit.tooLarge(tooLarge.maxBytes));
            }
        }
        String detail = e.getCause() instanceof JsonProcessingException json
                ? JsonErrors.describeDocument(json)
                : "The body is missing or not JSON.";
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail));
    }
}
