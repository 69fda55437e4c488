package fr.maillage.shared.files;

import java.util.Optional;

/**
 * Where uploaded files (logos...) live. Keys are chosen by the storage (random, with an
 * extension telling the content type), never by the uploader, so a key cannot climb out of
 * the storage. Local disk by default; an object storage can implement the same interface.
 */
public interface FileStorage {

    /** Stores the content and returns its new key, e.g. {@code 3f2a...9c.png}. */
    String put(byte[] content, String contentType);

    Optional<StoredFile> get(String key);

    void delete(String key);

    /** A stored file: its bytes and its content type. */
    record StoredFile(String key, byte[] content, String contentType) {
    }
}
