package org.tracker.audit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** What the tracker's refusal of an operator's request says, in a line the operator can act on. */
final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {}

    /** @param body the problem+json the tracker answered with */
    static String describe(int status, String body) {
        String detail;
        try {
            detail = JSON.readTree(body).path("detail").asText("no reason given");
        } catch (IOException e) {
            detail = "no reason given";
        }
        return status == 401 || status == 403
                ? detail + " (the token is read from TRACKER_API_TOKEN and must be an operator's)"
                : "the tracker answered " + status + ": " + detail;
    }
}
