package fr.maillage.mail;

/**
 * A message to send. {@code category} groups messages in the admin outbox ("account",
 * "moderation"...); {@code html} may be null (text only). {@code replyTo}, when set, is the
 * address a reply goes to (the Reply-To header), for messages relayed on someone's behalf who
 * agreed to it; null for the site's own messages.
 */
public record OutgoingMail(String to, String subject, String text, String html, String category, String replyTo) {

    /** A message without Reply-To: replies go to the sender address of the site. */
    public OutgoingMail(String to, String subject, String text, String html, String category) {
        this(to, subject, text, html, category, null);
    }
}
