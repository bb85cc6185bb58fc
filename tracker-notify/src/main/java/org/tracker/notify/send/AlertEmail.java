package org.tracker.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.util.HtmlUtils;

/**
 * An alert or digest as an email: a subject that says what changed, and the same facts in plain text and HTML,
 * each ending with the link to unsubscribe.
 */
record AlertEmail(String subject, String text, String html) {

    private static final int SUBJECT_LENGTH = 150;

    static AlertEmail of(JsonNode payload, String unsubscribeLink) {
        JsonNode data = payload.path("data");
        if ("digest".equals(payload.path("type").asText())) {
            return digest(data, unsubscribeLink);
        }
        String subject = "[tracker] " + data.path("measure").path("id").asText() + ": "
                + data.path("change").path("summary").asText();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body>");
        describe(data, text, html);
        return finish(subject, text, html, data.path("subscription"), unsubscribeLink);
    }

    private static AlertEmail digest(JsonNode data, String unsubscribeLink) {
        int count = data.path("alerts").size();
        String name = data.path("subscription").path("name").asText("your subscription");
        String subject = "[tracker] " + count + (count == 1 ? " change" : " changes") + " for " + name;
        StringBuilder text = new StringBuilder("Changes from "
                + data.path("from").asText() + " to " + data.path("to").asText() + ":\n\n");
        StringBuilder html = new StringBuilder(
                "<html><body><p>Changes from " + escape(data.path("from").asText()) + " to "
                        + escape(data.path("to").asText()) + ":</p>");
        for (JsonNode alert : data.path("alerts")) {
            describe(alert, text, html);
            text.append("\n");
        }
        return finish(subject, text, html, data.path("subscription"), unsubscribeLink);
    }

    private static void describe(JsonNode alert, StringBuilder text, StringBuilder html) {
        JsonNode measure = alert.path("measure");
        JsonNode change = alert.path("change");
        String title = measure.path("title").asText(measure.path("id").asText());
        text.append(title)
                .append(" (")
                .append(measure.path("id").asText())
                .append(")\n")
                .append(change.path("summary").asText())
                .append("\n");
        if (!change.path("from").isNull() || !change.path("to").isNull()) {
            text.append("From: ")
                    .append(change.path("from").asText("-"))
                    .append("  To: ")
                    .append(change.path("to").asText("-"))
                    .append("\n");
        }
        text.append("When: ")
                .append(change.path("on").asText("-"))
                .append(" (the tracker learned it at ")
                .append(change.path("recordedAt").asText())
                .append(")\n")
                .append("Source: ")
                .append(change.path("source").asText("-"))
                .append("\n")
                .append("Status now: ")
                .append(measure.path("status").asText("-"))
                .append("\n")
                .append("Measure: ")
                .append(measure.path("link").asText())
                .append("\n");
        html.append("<h2>")
                .append(escape(title))
                .append(" <small>(")
                .append(escape(measure.path("id").asText()))
                .append(")</small></h2><p><strong>")
                .append(escape(change.path("summary").asText()))
                .append("</strong></p><table>")
                .append(row("From", change.path("from").asText("-")))
                .append(row("To", change.path("to").asText("-")))
                .append(row("When", change.path("on").asText("-")))
                .append(row("Learned", change.path("recordedAt").asText()))
                .append(row("Source", change.path("source").asText("-")))
                .append(row("Status now", measure.path("status").asText("-")))
                .append("</table><p><a href=\"")
                .append(escape(measure.path("link").asText()))
                .append("\">The measure in the tracker</a></p>");
    }

    private static AlertEmail finish(
            String subject, StringBuilder text, StringBuilder html, JsonNode subscription, String unsubscribeLink) {
        String name = subscription.path("name").asText("");
        text.append("\nYou receive this because of the subscription ")
                .append(name.isEmpty() ? "" : "'" + name + "' ")
                .append("(")
                .append(subscription.path("id").asText())
                .append(").\nUnsubscribe: ")
                .append(unsubscribeLink)
                .append("\n");
        html.append("<hr><p>You receive this because of the subscription ")
                .append(escape(name.isEmpty() ? subscription.path("id").asText() : name))
                .append(". <a href=\"")
                .append(escape(unsubscribeLink))
                .append("\">Unsubscribe</a></p></body></html>");
        String shortSubject = subject.codePointCount(0, subject.length()) > SUBJECT_LENGTH
                ? subject.substring(0, subject.offsetByCodePoints(0, SUBJECT_LENGTH - 1)) + "…"
                : subject;
        return new AlertEmail(shortSubject.replaceAll("[\\r\\n]+", " "), text.toString(), html.toString());
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + label + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
