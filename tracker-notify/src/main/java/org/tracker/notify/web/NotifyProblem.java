package org.tracker.notify.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An RFC 9457 problem with a stable type and a detail a person can act on. */
class NotifyProblem extends ErrorResponseException {

    NotifyProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    static NotifyProblem invalid(String detail) {
        return new NotifyProblem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail);
    }

    /** A query parameter that cannot be used; the problem names it, for clients that point at the field. */
    static NotifyProblem invalidParameter(String parameter, String detail) {
        NotifyProblem problem = invalid(detail);
        problem.getBody().setProperty("parameter", parameter);
        return problem;
    }

    static NotifyProblem notFound(String what, Object id) {
        return new NotifyProblem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "Your account has no " + what + " '" + id + "'.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
