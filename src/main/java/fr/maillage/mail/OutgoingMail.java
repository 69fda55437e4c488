package fr.maillage.mail;

import java.util.List;

/**
 * A message to send. {@code category} groups messages in the admin outbox ("account",
 * "moderation"...); {@code html} may be null (text only). {@code replyTo}, when set, is the
 * address a reply goes to (the Reply-To header), for messages relayed on someone's behalf who
 * agreed to it; null for the site's own messages. {@code attachments} are sent with the message
 * (an event's {@code .ics}...); never null.
 */
public record OutgoingMail(String to, String subject, String text, String html, String category, String replyTo,
                           List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without Reply-To nor attachment: replies go to the sender address of the site. */
    public OutgoingMail(String to, String subject, String text, String html, String category) {
        this(to, subject, text, html, category, null, List.of());
    }

    /** A message without attachment. */
    public OutgoingMail(String to, String subject, String text, String html, String category, String replyTo) {
        this(to, subject, text, html, category, replyTo, List.of());
    }

    /** The same message with these files attached. */
    public OutgoingMail withAttachments(List<MailAttachment> files) {
        return new OutgoingMail(to, subject, text, html, category, replyTo, files);
    }
}
