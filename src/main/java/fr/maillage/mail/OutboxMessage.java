package fr.maillage.mail;

import java.time.Instant;

/** A message of the outbox, as staff see it. {@code replyTo} is null unless the message was relayed for someone. */
public record OutboxMessage(long id, Instant createdAt, String recipient, String subject, String bodyText,
                            String bodyHtml, String category, MailStatus status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant sentAt, String replyTo) {
}
