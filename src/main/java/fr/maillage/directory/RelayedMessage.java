package fr.maillage.directory;

import java.time.Instant;

/**
 * What staff see of a message relayed by "Prendre contact", for abuse handling: who wrote to
 * which structure, when, on behalf of which structure, to how many contacts. Never the text.
 * {@code reference} is the one printed in the e-mails ("C-123").
 */
public record RelayedMessage(long id, String reference, Instant createdAt, long senderId, String senderName,
                             long organisationId, String organisationName, String organisationSlug,
                             Long onBehalfOfId, String onBehalfOfName, String onBehalfOfSlug, int recipientCount,
                             long senderMessagesLastDay) {
}
