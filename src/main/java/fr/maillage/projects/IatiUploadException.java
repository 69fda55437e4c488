package fr.maillage.projects;

/**
 * An uploaded file refused before any analysis, for a reason the person can fix: {@code reason}
 * is the end of a {@code projects.iati.upload.error.*} message key ("too-large", "empty",
 * "no-file", "structure").
 */
public class IatiUploadException extends RuntimeException {

    private final String reason;

    public IatiUploadException(String reason) {
        super("IATI upload refused: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
