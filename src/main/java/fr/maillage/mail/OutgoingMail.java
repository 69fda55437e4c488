package fr.maillage.mail;

/**
 * A message to send. {@code category} groups messages in the admin outbox ("account",
 * "moderation"...); {@code html} may be null (text only).
 */
public record OutgoingMail(String to, String subject, String text, String html, String category) {
}
