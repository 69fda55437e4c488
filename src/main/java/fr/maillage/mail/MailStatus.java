package fr.maillage.mail;

/**
 * Where a message of the outbox stands. PENDING: waiting to be sent (without SMTP configured,
 * messages stay PENDING with no attempt, and staff read them at {@code /admin/courriels});
 * SENT: accepted by the SMTP server; FAILED: given up after the maximum number of attempts.
 */
public enum MailStatus {
    PENDING, SENT, FAILED
}
