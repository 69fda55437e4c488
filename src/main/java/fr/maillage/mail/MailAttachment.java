package fr.maillage.mail;

import java.nio.charset.StandardCharsets;

/**
 * A file sent with an e-mail, such as an {@code invitation.ics}. {@code contentType} may carry
 * parameters ({@code text/calendar; charset=UTF-8; method=REQUEST}).
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        if (filename == null || filename.isBlank() || contentType == null || content == null) {
            throw new IllegalArgumentException("Pièce jointe incomplète");
        }
    }

    /** An iCalendar attachment (RFC 5545 text, UTF-8). */
    public static MailAttachment calendar(String filename, String icsText, String method) {
        return new MailAttachment(filename, "text/calendar; charset=UTF-8; method=" + method,
                icsText.getBytes(StandardCharsets.UTF_8));
    }
}
