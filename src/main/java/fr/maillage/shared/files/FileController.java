package fr.maillage.shared.files;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves stored files at {@code /fichiers/{key}}. A key never changes content, so files are
 * cached for a year; their type comes from the storage, and browsers are told not to guess.
 */
@Controller
class FileController {

    private final FileStorage storage;

    FileController(FileStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/fichiers/{key}")
    ResponseEntity<byte[]> get(@PathVariable String key) {
        return storage.get(key)
                .map(f -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(f.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .header("X-Content-Type-Options", "nosniff")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                        .body(f.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
