package org.tracker.notify.send;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.tracker.notify.NotifyProperties;
import org.tracker.notify.store.Delivery;

/**
 * Mails deliveries over SMTP. Each message's Message-ID is derived from the delivery's id, so a repeat after a crash
 * is recognisable as the same message, as a webhook's {@code webhook-id} is.
 */
@Component
class EmailSender {

    private final JavaMailSenderImpl mail;
    private final UnsubscribeLinks unsubscribe;
    private final String from;

    EmailSender(JavaMailSenderImpl mail, UnsubscribeLinks unsubscribe, NotifyProperties properties) {
        this.mail = mail;
        this.unsubscribe = unsubscribe;
        this.from = properties.mailFrom();
    }

    SendResult send(Delivery delivery) {
        String link = unsubscribe.link(delivery.subscriptionId());
        AlertEmail email = AlertEmail.of(WebhookBody.read(delivery.payload()), link);
        long started = System.nanoTime();
        try {
            MimeMessage message = new FixedIdMessage(mail, "<" + delivery.id() + "@tracker>");
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(delivery.target());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("List-Unsubscribe", "<" + link + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("X-Tracker-Event-Type", delivery.eventType());
            mail.send(message);
            return SendResult.delivered(250, (System.nanoTime() - started) / 1_000_000);
        } catch (MailException | MessagingException e) {
            return SendResult.failed(
                    null, Optional.empty(), "SMTP: " + e.getMessage(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Tells an account's owner something about the account itself; not an alert, so not in the outbox. */
    void notice(String to, String subject, String text) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose a notice to " + to, e);
        }
    }

    /** Keeps the Message-ID it is given instead of inventing one when it is sent. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(JavaMailSenderImpl mail, String messageId) {
            super(mail.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
