package fr.maillage.directory;

/**
 * A request the directory refuses for a reason the person can fix; {@code messageKey} is a key
 * of the directory messages ("directory.error.concurrent"...).
 */
public class DirectoryException extends RuntimeException {

    private final String messageKey;

    public DirectoryException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
