package org.tracker.notify.send;

import org.springframework.web.util.HtmlUtils;
import org.tracker.notify.rule.Change;

/**
 * An alert or digest as an email: a subject that says what changed, and the same facts in plain text and HTML,
 * each ending with the link to unsubscribe.
 */
record AlertEmail(String subject, String text, String html) {

    private static final int SUBJECT_LENGTH = 150;

    static AlertEmail of(Message message, String unsubscribeLink) {
        if (message instanceof DigestMessage digest) {
            return digest(digest, unsubscribeLink);
        }
        AlertMessage alert = (AlertMessage) message;
        String subject =
                "[tracker] " + alert.measureId() + ": " + alert.change().summary();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body>");
        describe(alert, text, html);
        return finish(subject, text, html, alert, unsubscribeLink);
    }

    private static AlertEmail digest(DigestMessage digest, String unsubscribeLink) {
        int count = digest.alerts().size();
        String name = or(digest.subscriptionName(), "your subscription");
        String subject = "[tracker] " + count + (count == 1 ? " change" : " changes") + " for " + name;
        StringBuilder text = new StringBuilder("Changes from " + digest.from() + " to " + digest.to() + ":\n\n");
        StringBuilder html = new StringBuilder("<html><body><p>Changes from " + escape(String.valueOf(digest.from()))
                + " to " + escape(String.valueOf(digest.to())) + ":</p>");
        for (AlertMessage alert : digest.alerts()) {
            describe(alert, text, html);
            text.append("\n");
        }
        return finish(subject, text, html, digest, unsubscribeLink);
    }

    private static void describe(AlertMessage alert, StringBuilder text, StringBuilder html) {
        Change change = alert.change();
        String title = or(alert.measureTitle(), String.valueOf(alert.measureId()));
        String on = change.on() == null ? "-" : change.on().toString();
        text.append(title)
                .append(" (")
                .append(alert.measureId())
                .append(")\n")
                .append(change.summary())
                .append("\n");
        if (change.from() != null || change.to() != null) {
            text.append("From: ")
                    .append(or(change.from(), "-"))
                    .append("  To: ")
                    .append(or(change.to(), "-"))
                    .append("\n");
        }
        text.append("When: ")
                .append(on)
                .append(" (the tracker learned it at ")
                .append(change.recordedAt())
                .append(")\n")
                .append("Source: ")
                .append(or(change.source(), "-"))
                .append("\n")
                .append("Status now: ")
                .append(or(alert.measureStatus(), "-"))
                .append("\n")
                .append("Measure: ")
                .append(alert.measureLink())
                .append("\n");
        html.append("<h2>")
                .append(escape(title))
                .append(" <small>(")
                .append(escape(String.valueOf(alert.measureId())))
                .append(")</small></h2><p><strong>")
                .append(escape(String.valueOf(change.summary())))
                .append("</strong></p><table>")
                .append(row("From", or(change.from(), "-")))
                .append(row("To", or(change.to(), "-")))
                .append(row("When", on))
                .append(row("Learned", String.valueOf(change.recordedAt())))
                .append(row("Source", or(change.source(), "-")))
                .append(row("Status now", or(alert.measureStatus(), "-")))
                .append("</table><p><a href=\"")
                .append(escape(String.valueOf(alert.measureLink())))
                .append("\">The measure in the tracker</a></p>");
    }

    private static AlertEmail finish(
            String subject, StringBuilder text, StringBuilder html, Message message, String unsubscribeLink) {
        String name = or(message.subscriptionName(), "");
        String id = String.valueOf(message.subscriptionId());
        text.append("\nYou receive this because of the subscription ")
                .append(name.isEmpty() ? "" : "'" + name + "' ")
                .append("(")
                .append(id)
                .append(").\nUnsubscribe: ")
                .append(unsubscribeLink)
                .append("\n");
        html.append("<hr><p>You receive this because of the subscription ")
                .append(escape(name.isEmpty() ? id : name))
                .append(". <a href=\"")
                .append(escape(unsubscribeLink))
                .append("\">Unsubscribe</a></p></body></html>");
        String shortSubject = subject.codePointCount(0, subject.length()) > SUBJECT_LENGTH
                ? subject.substring(0, subject.offsetByCodePoints(0, SUBJECT_LENGTH - 1)) + "…"
                : subject;
        return new AlertEmail(shortSubject.replaceAll("[\\r\\n]+", " "), text.toString(), html.toString());
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static String row(String label, String value) {
        return "<tr><th align=\"left\">" + label + "</th><td>" + escape(value) + "</td></tr>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
